package io.haven.casework;

import static io.haven.casework.CaseworkFlowTest.lastCaseId;
import static io.haven.casework.CaseworkFlowTest.report;
import static io.haven.casework.CaseworkFlowTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.report.CaseStatus;
import io.haven.report.Outcome;
import io.haven.report.ReportCase;
import io.haven.report.ReportResource;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.StaffFixtures;
import io.haven.web.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A write that read the case before the retention purge cannot write the purged text back. */
@QuarkusTest
class PurgeRaceTest {

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @Inject
    RetentionJob retention;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    ReportResource reports;

    @AfterEach
    void reset() {
        clock.reset();
        staff.reset();
    }

    @Test
    void aWriteThatReadTheCaseBeforeThePurgeNeverPutsThePurgedTextBack() {
        long school = staff.school("en");
        QuarkusTransaction.requiringNew().run(() -> School.<School>findById(school).retentionDays = 30);
        schools.refresh();
        String slug = QuarkusTransaction.requiringNew().call(() -> School.<School>findById(school).slug);
        reports.clearLimitsForTests();
        send(report(slug, "bullying", "Text that retention must delete"));
        long id = lastCaseId();
        QuarkusTransaction.requiringNew().run(() -> {
            ReportCase c = ReportCase.findById(id);
            c.status = CaseStatus.CLOSED;
            c.outcome = Outcome.RESOLVED;
            c.closedAt = clock.now();
        });
        clock.advance(Duration.ofDays(31));
        boolean refused = false;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ReportCase stale = ReportCase.findById(id);
                assertThat(stale.bodyEnc).isNotNull();
                // The purge runs and commits (its own transactions) between this read and this write.
                assertThat(retention.run()).isGreaterThanOrEqualTo(1);
                stale.updatedAt = clock.now();
            });
        } catch (RuntimeException e) {
            refused = true;
        }
        Object[] row = QuarkusTransaction.requiringNew()
                .call(() -> (Object[]) em.createNativeQuery("SELECT body_enc, purged_at FROM report_case WHERE id = ?1")
                        .setParameter(1, id)
                        .getSingleResult());
        assertThat(row[1]).as("purged").isNotNull();
        assertThat(row[0]).as("the purged report text").isNull();
        assertThat(refused)
                .as("the stale write is refused by the version check")
                .isTrue();
    }
}
