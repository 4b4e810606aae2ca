package io.haven.notify;

import io.haven.crypto.EncryptedColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Queued mail (subjects and bodies, which hold invitation and reset links), for key rotation. */
@ApplicationScoped
public class MailEncryptedColumns implements EncryptedColumns {

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("mail_outbox", "subject", OutboxMail.SUBJECT),
                new Column("mail_outbox", "body_text", OutboxMail.BODY));
    }
}
