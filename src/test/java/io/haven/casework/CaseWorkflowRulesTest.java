package io.haven.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.casework.WorkflowResult.Refusal;
import io.haven.report.CaseStatus;
import io.haven.report.ReportForm;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The workflow's refusals, without a database: what the status and closing forms may not do. */
class CaseWorkflowRulesTest {

    private static WorkflowForm close(String outcome, String reason, String duplicate) {
        return new WorkflowForm(outcome, reason, duplicate, "", "", "", "", null);
    }

    @Test
    void theStatusFormNeverClosesNorChangesAClosedCase() {
        assertThat(CaseWorkflow.statusRefusal(CaseStatus.CLOSED, CaseStatus.IN_PROGRESS, () -> true))
                .contains(Refusal.STATUS_CLOSED_CASE);
        assertThat(CaseWorkflow.statusRefusal(CaseStatus.NEW, CaseStatus.CLOSED, () -> true))
                .contains(Refusal.STATUS_USE_CLOSE_FORM);
        assertThat(CaseWorkflow.statusRefusal(CaseStatus.NEW, CaseStatus.IN_PROGRESS, () -> {
                    throw new AssertionError("the referral is not looked up for a plain change");
                }))
                .isEmpty();
    }

    @Test
    void referredNeedsAReferralOutRecorded() {
        assertThat(CaseWorkflow.statusRefusal(CaseStatus.IN_PROGRESS, CaseStatus.REFERRED, () -> false))
                .contains(Refusal.STATUS_REFERRAL_MISSING);
        assertThat(CaseWorkflow.statusRefusal(CaseStatus.IN_PROGRESS, CaseStatus.REFERRED, () -> true))
                .isEmpty();
    }

    @Test
    void closingRefusesInTheOrderTheFormShowsThem() {
        assertThat(CaseWorkflow.closeRefusal(CaseStatus.CLOSED, true, close("", "", "")))
                .contains(Refusal.ALREADY_CLOSED);
        assertThat(CaseWorkflow.closeRefusal(CaseStatus.NEW, true, close("resolved", "", "")))
                .contains(Refusal.REQUEST_PENDING);
        assertThat(CaseWorkflow.closeRefusal(CaseStatus.NEW, false, close("", "", "")))
                .contains(Refusal.OUTCOME_MISSING);
        assertThat(CaseWorkflow.closeRefusal(CaseStatus.NEW, false, close("no-such-outcome", "", "")))
                .contains(Refusal.OUTCOME_MISSING);
        assertThat(CaseWorkflow.closeRefusal(CaseStatus.NEW, false, close("false_or_malicious", "", "")))
                .as("a false or malicious report needs a reason")
                .contains(Refusal.REASON_MISSING);
        assertThat(CaseWorkflow.closeRefusal(
                        CaseStatus.NEW, false, close("false_or_malicious", "Made up to hurt someone", "")))
                .isEmpty();
        assertThat(CaseWorkflow.closeRefusal(CaseStatus.NEW, false, close("duplicate", "", "")))
                .contains(Refusal.DUPLICATE_MISSING);
        assertThat(CaseWorkflow.closeRefusal(CaseStatus.NEW, false, close("duplicate", "", "12")))
                .isEmpty();
        assertThat(CaseWorkflow.closeRefusal(CaseStatus.ACKNOWLEDGED, false, close("resolved", "", "")))
                .isEmpty();
    }

    /** Form keys do not depend on the server's locale (in Turkish, "I" lowers to a dotless "ı"). */
    @Test
    void outcomeKeysAreTheSameInATurkishLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertThat(CaseWorkflow.closeRefusal(CaseStatus.NEW, false, close("false_or_malicious", "Made up", "")))
                    .isEmpty();
            assertThat(CaseStatus.IN_PROGRESS.getKey()).isEqualTo("in_progress");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void aReasonIsMeasuredInCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        assertThat(CaseWorkflow.closeRefusal(
                        CaseStatus.NEW, false, close("resolved", emoji.repeat(ReportForm.BODY_MAX), "")))
                .isEmpty();
        assertThat(CaseWorkflow.closeRefusal(
                        CaseStatus.NEW, false, close("resolved", "a".repeat(ReportForm.BODY_MAX + 1), "")))
                .isEqualTo(Optional.of(Refusal.REASON_TOO_LONG));
    }
}
