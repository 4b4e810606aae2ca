package io.haven.casework;

import io.haven.crypto.EncryptedColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Casework's encrypted columns, for key rotation. */
@ApplicationScoped
public class CaseworkEncryptedColumns implements EncryptedColumns {

    @Override
    public List<Column> columns() {
        return List.of(new Column("case_note", "body_enc", "note.body"));
    }
}
