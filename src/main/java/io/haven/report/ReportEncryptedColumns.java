package io.haven.report;

import io.haven.crypto.EncryptedColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The report's encrypted columns, for key rotation. */
@ApplicationScoped
public class ReportEncryptedColumns implements EncryptedColumns {

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("report_case", "where_enc", "report.where"),
                new Column("report_case", "when_enc", "report.when"),
                new Column("report_case", "body_enc", "report.body"),
                new Column("report_case", "contact_enc", "report.contact"),
                new Column("case_message", "body_enc", "message.body"));
    }
}
