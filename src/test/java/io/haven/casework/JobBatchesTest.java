package io.haven.casework;

import static io.haven.casework.CaseworkFlowTest.lastCaseId;
import static io.haven.casework.CaseworkFlowTest.report;
import static io.haven.casework.CaseworkFlowTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.audit.AuditChain;
import io.haven.audit.CaseAudit;
import io.haven.report.Affected;
import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.Outcome;
import io.haven.report.ReportCase;
import io.haven.report.ReportResource;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.school.TestSchools;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    /** Open, acknowledged sextortion cases of a school, received at the given time; answers their ids. */
    static List<Long> openCases(long schoolId, int count, Instant received) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int first = (int) ReportCase.count("schoolId", schoolId);
            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                ReportCase c = new ReportCase();
                c.schoolId = schoolId;
                c.category = Category.SEXTORTION;
                c.affected = Affected.ME;
                c.status = CaseStatus.IN_PROGRESS;
                c.receiptHash = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
                c.number = first + i;
                c.createdAt = received;
                c.updatedAt = received;
                c.acknowledgeBy = received.plus(Duration.ofHours(24));
                c.reviewBy = received.plus(Duration.ofDays(3));
                c.acknowledgedAt = received;
                c.persist();
                ids.add(c.id);
            }
            return ids;
        });
    }

    @Test
    void escalationChecksTheLegalDutiesOfEveryOpenCaseBehindALargeBacklog() {
        // A backlog of older open cases the duty check must read and pass over: their school's jurisdiction
        // (eu) has no required duty. A run that read only the oldest 500 candidates never reached the rest.
        long backlogSchool =
                TestSchools.ensure("backlog-eu-" + UUID.randomUUID().toString().substring(0, 8), "eu", "en", "UTC");
        List<Long> backlog = openCases(backlogSchool, 501, clock.now().minus(Duration.ofDays(30)));
        try {
            // 8 open cases of a French school whose "notify the prosecutor at once" duty nobody marked.
            long school = TestSchools.ensure(
                    "duties-fr-" + UUID.randomUUID().toString().substring(0, 8), "fr", "fr", "Europe/Paris");
            staff.account(school, true, Role.ADMIN);
            List<Long> ids = openCases(school, 8, clock.now());
            clock.advance(Duration.ofMinutes(5));

            assertThat(escalation.run()).isGreaterThanOrEqualTo(8);
            for (long id : ids) {
                assertThat(QuarkusTransaction.requiringNew().call(() -> CaseEscalation.listByCase(id)))
                        .as("case %d", id)
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.unacknowledged).isFalse();
                            assertThat(e.overdueDuties).isGreaterThanOrEqualTo(1);
                            assertThat(e.recipients).isEqualTo(1);
                        });
                assertThat(actions(id).stream().filter("ESCALATE"::equals)).hasSize(1);
            }
            for (long id : backlog.subList(0, 3)) {
                assertThat(QuarkusTransaction.requiringNew().call(() -> CaseEscalation.listByCase(id)))
                        .isEmpty();
            }
            assertThat(chain.verify()).isEmpty();
        } finally {
            // Other tests' escalation runs need not read them again.
            QuarkusTransaction.requiringNew().run(() -> ReportCase.delete("schoolId", backlogSchool));
        }
    }
}
