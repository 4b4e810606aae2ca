package io.haven.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.casework.CaseReferral;
import io.haven.casework.ReferralKind;
import io.haven.report.ReportCase;
import io.haven.report.ReportForm;
import io.haven.report.ReportService;
import io.haven.school.SchoolDirectory;
import io.haven.school.TestSchools;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The workflow's encrypted columns (referral texts, outcome reason) move to a new key with the rest. */
@QuarkusTest
class WorkflowColumnsRotationTest {

    @Inject
    FieldCipher cipher;

    @Inject
    ReencryptionJob job;

    @Inject
    ReportService reports;

    @Inject
    SchoolDirectory schools;

    @Test
    void referralTextsAndTheOutcomeReasonAreReencrypted() {
        TestSchools.ensure("rotation-workflow", "gb", "en", "Europe/London");
        schools.refresh();
        ReportForm f = new ReportForm();
        f.category = "sextortion";
        f.affected = "me";
        f.dangerNow = "no";
        f.body = "A threat";
        reports.submit(f, schools.bySlug("rotation-workflow").orElseThrow().id(), null);
        long caseId = QuarkusTransaction.requiringNew()
                .call(() -> ReportCase.<ReportCase>find("order by id desc").firstResult().id);
        String reference = cipher.encryptWith("k0", "case.referral_reference", "CEOP-77");
        String none = cipher.encryptWith("k0", "case.referral_reason_none", "Family reported it");
        String reason = cipher.encryptWith("k0", "case.outcome_reason", "Invented");
        long referralId = QuarkusTransaction.requiringNew().call(() -> {
            ReportCase.update("outcomeReasonEnc = ?1 where id = ?2", reason, caseId);
            CaseReferral r = new CaseReferral();
            r.caseId = caseId;
            r.schoolId = ReportCase.<ReportCase>findById(caseId).schoolId;
            r.kind = ReferralKind.HOTLINE;
            r.referenceEnc = reference;
            r.reasonNoneEnc = none;
            r.staffId = 1;
            r.createdAt = Instant.now();
            r.persist();
            return r.id;
        });

        assertThat(job.run()).isGreaterThanOrEqualTo(3);
        CaseReferral moved =
                QuarkusTransaction.requiringNew().call(() -> CaseReferral.<CaseReferral>findById(referralId));
        assertThat(moved.referenceEnc).startsWith("v1:k1:");
        assertThat(cipher.decrypt("case.referral_reference", moved.referenceEnc))
                .isEqualTo("CEOP-77");
        assertThat(cipher.decrypt("case.referral_reason_none", moved.reasonNoneEnc))
                .isEqualTo("Family reported it");
        String movedReason =
                QuarkusTransaction.requiringNew().call(() -> ReportCase.<ReportCase>findById(caseId).outcomeReasonEnc);
        assertThat(movedReason).startsWith("v1:k1:");
        assertThat(cipher.decrypt("case.outcome_reason", movedReason)).isEqualTo("Invented");
    }
}
