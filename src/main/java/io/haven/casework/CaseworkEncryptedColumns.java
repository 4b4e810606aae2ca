package io.haven.casework;

import io.haven.crypto.EncryptedColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Casework's encrypted columns, for key rotation. */
@ApplicationScoped
public class CaseworkEncryptedColumns implements EncryptedColumns {

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("case_note", "body_enc", "note.body"),
                new Column("report_case", "outcome_reason_enc", CaseWorkflow.OUTCOME_REASON),
                new Column("case_referral", "reference_enc", CaseReferral.REFERENCE),
                new Column("case_referral", "reason_none_enc", CaseReferral.REASON_NONE),
                new Column("case_close_request", "reason_enc", CaseWorkflow.OUTCOME_REASON),
                new Column("case_duty_mark", "reference_enc", CaseDuties.REFERENCE),
                new Column("case_duty_mark", "reason_enc", CaseDuties.REASON));
    }
}
