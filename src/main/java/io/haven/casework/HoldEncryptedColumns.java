package io.haven.casework;

import io.haven.crypto.EncryptedColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The legal hold's encrypted reason, for key rotation. */
@ApplicationScoped
public class HoldEncryptedColumns implements EncryptedColumns {

    static final String HOLD_REASON = "case.hold_reason";

    @Override
    public List<Column> columns() {
        return List.of(new Column("report_case", "legal_hold_reason_enc", HOLD_REASON));
    }
}
