package io.haven.staff;

import io.haven.crypto.EncryptedColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Staff second-factor secrets, for key rotation: a key removed while one of these is under it locks staff out. */
@ApplicationScoped
public class StaffEncryptedColumns implements EncryptedColumns {

    @Override
    public List<Column> columns() {
        return List.of(new Column("staff", "totp_secret", StaffService.TOTP_CONTEXT));
    }
}
