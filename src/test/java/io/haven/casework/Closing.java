package io.haven.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.report.CaseStatus;
import io.haven.report.ReportCase;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.Map;

/** Closes a case the way handlers do, for tests whose subject comes after the close (retention, pages). */
public final class Closing {

    private Closing() {}

    /**
     * Records a referral decision, asks to close as resolved and, for an intimate-image case, has the
     * second handler confirm.
     */
    public static void close(FormSession first, FormSession second, long caseId) {
        String base = "/staff/cases/" + caseId;
        first.get(base);
        assertThat(first.post(base + "/referrals", Map.of("kind", "police", "reference", "PN-" + caseId))
                        .statusCode())
                .isEqualTo(303);
        Duties.settle(first, caseId);
        first.get(base);
        assertThat(first.post(base + "/close", Map.of("outcome", "resolved")).statusCode())
                .isEqualTo(303);
        if (status(caseId) != CaseStatus.CLOSED) {
            second.get(base);
            assertThat(second.post(base + "/close/confirm", Map.of()).statusCode())
                    .isEqualTo(303);
        }
        assertThat(status(caseId)).isEqualTo(CaseStatus.CLOSED);
    }

    private static CaseStatus status(long caseId) {
        return QuarkusTransaction.requiringNew().call(() -> ReportCase.<ReportCase>findById(caseId).status);
    }
}
