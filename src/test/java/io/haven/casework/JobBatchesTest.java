package io.haven.casework;

import static io.haven.casework.CaseworkFlowTest.lastCaseId;
import static io.haven.casework.CaseworkFlowTest.report;
import static io.haven.casework.CaseworkFlowTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.audit.AuditChain;
import io.haven.audit.CaseAudit;
import io.haven.report.CaseStatus;
import io.haven.report.Outcome;
import io.haven.report.ReportCase;
import io.haven.report.ReportResource;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retention and escalation jobs work in batches of {@code haven.deadlines.batch-size} cases (two
 * here): a run goes on past the first batch to every due case, skips what it must (a case on hold),
 * and audits each case it handled exactly once, on an intact chain.
 */
@QuarkusTest
@TestProfile(JobBatchesTest.TwoPerBatch.class)
class JobBatchesTest {

    public static class TwoPerBatch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("haven.deadlines.batch-size", "2");
        }
    }

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @Inject
    RetentionJob retention;

    @Inject
    EscalationJob escalation;

    @Inject
    AuditChain chain;

    @Inject
    Clock clock;

    @Inject
    ReportResource reports;

    @BeforeEach
    void limits() {
        reports.clearLimitsForTests();
    }

    @AfterEach
    void reset() {
        clock.reset();
        staff.reset();
    }

    String slug(long schoolId) {
        schools.refresh();
        return QuarkusTransaction.requiringNew().call(() -> School.<School>findById(schoolId).slug);
    }

    static List<String> actions(long caseId) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        CaseAudit.listByCase(caseId).stream().map(a -> a.action).toList());
    }

    static ReportCase reload(long caseId) {
        return QuarkusTransaction.requiringNew().call(() -> ReportCase.<ReportCase>findById(caseId));
    }

    @Test
    void retentionPurgesEveryDueCaseAcrossSeveralBatchesAndSkipsTheOneOnHold() {
        long school = staff.school("en");
        QuarkusTransaction.requiringNew().run(() -> School.<School>findById(school).retentionDays = 30);
        String slug = slug(school);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            send(report(slug, "bullying", "Batch case " + i + " text that retention must delete"));
            ids.add(lastCaseId());
        }
        long held = ids.get(3);
        QuarkusTransaction.requiringNew().run(() -> {
            for (long id : ids) {
                ReportCase c = ReportCase.findById(id);
                c.status = CaseStatus.CLOSED;
                c.outcome = Outcome.RESOLVED;
                c.closedAt = clock.now();
                c.legalHold = id == held;
            }
        });
        clock.advance(Duration.ofDays(31));

        // 5 due cases at 2 a batch: 3 batches. A run that stopped after its first batch would purge 2.
        assertThat(retention.run()).isGreaterThanOrEqualTo(5);

        for (long id : ids) {
            ReportCase c = reload(id);
            if (id == held) {
                assertThat(c.bodyEnc).as("on hold").isNotNull();
                assertThat(c.purgedAt).isNull();
                assertThat(actions(id)).doesNotContain("PURGE");
            } else {
                assertThat(c.bodyEnc).as("case %d", id).isNull();
                assertThat(c.purgedAt).as("case %d", id).isNotNull();
                assertThat(c.status).isEqualTo(CaseStatus.CLOSED);
                assertThat(actions(id).stream().filter("PURGE"::equals)).hasSize(1);
            }
        }
        assertThat(retention.run()).as("nothing left to purge").isZero();
        assertThat(chain.verify()).isEmpty();
    }

    @Test
    void escalationReachesEveryOverdueCaseAcrossSeveralBatchesOnce() {
        long school = staff.school("en");
        staff.account(school, true, Role.ADMIN);
        String slug = slug(school);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> f = report(slug, "bullying", "Batch urgent case " + i);
            f.put("dangerNow", "yes");
            send(f);
            ids.add(lastCaseId());
        }
        clock.advance(Duration.ofHours(2).plusMinutes(1));

        assertThat(escalation.run()).isGreaterThanOrEqualTo(5);
        for (long id : ids) {
            assertThat(QuarkusTransaction.requiringNew().call(() -> CaseEscalation.listByCase(id)))
                    .as("case %d", id)
                    .singleElement()
                    .satisfies(e -> assertThat(e.recipients).isEqualTo(1));
            assertThat(actions(id).stream().filter("ESCALATE"::equals)).hasSize(1);
        }
        // Within the school's interval, a second run mails nobody again.
        escalation.run();
        for (long id : ids) {
            assertThat(QuarkusTransaction.requiringNew().call(() -> CaseEscalation.listByCase(id)))
                    .hasSize(1);
        }
        assertThat(chain.verify()).isEmpty();
    }
}
