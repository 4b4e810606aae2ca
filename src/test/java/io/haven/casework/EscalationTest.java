package io.haven.casework;

import static io.haven.casework.CaseworkFlowTest.lastCaseId;
import static io.haven.casework.CaseworkFlowTest.report;
import static io.haven.casework.CaseworkFlowTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.haven.audit.AuditChain;
import io.haven.audit.CaseAudit;
import io.haven.notify.OutboxSender;
import io.haven.report.ReportCase;
import io.haven.report.ReportResource;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An urgent case nobody acknowledges in time is mailed to the school's administrators (through the
 * outbox, to a real SMTP server), again at each further interval, and no more once acknowledged.
 */
@QuarkusTest
class EscalationTest {

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @Inject
    OutboxSender sender;

    @Inject
    EscalationJob escalation;

    @Inject
    AuditChain chain;

    @Inject
    Clock clock;

    @Inject
    ReportResource reports;

    GreenMail smtp;

    @BeforeEach
    void start() throws Exception {
        reports.clearLimitsForTests();
        smtp = io.haven.notify.TestSmtp.fresh();
        sendAll();
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void stop() {
        staff.reset();
    }

    String slug(long schoolId) {
        schools.refresh();
        return QuarkusTransaction.requiringNew().call(() -> School.<School>findById(schoolId).slug);
    }

    void sendAll() {
        io.haven.notify.TestSmtp.flush(sender);
    }

    List<MimeMessage> mailTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(email);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    static List<CaseEscalation> escalations(long caseId) {
        return QuarkusTransaction.requiringNew().call(() -> CaseEscalation.listByCase(caseId));
    }

    static Map<String, Object> urgent(String slug, String category, String body) {
        Map<String, Object> f = report(slug, category, body);
        f.put("dangerNow", "yes");
        return f;
    }

    @Test
    void anOverdueUrgentCaseIsMailedToEachAdministratorAgainAtTheIntervalUntilAcknowledged() throws Exception {
        long school = staff.school("en");
        StaffFixtures.Account lead = staff.account(school, true, Role.ADMIN);
        StaffFixtures.Account deputy = staff.account(school, true, Role.ADMIN);
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        String secret = "Min-jun is being threatened behind the gym " + System.nanoTime();
        send(urgent(slug(school), "bullying", secret));
        long caseId = lastCaseId();
        sendAll();
        smtp.purgeEmailFromAllMailboxes();

        escalation.run();
        assertThat(escalations(caseId)).as("not overdue yet").isEmpty();

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        escalation.run();
        assertThat(escalations(caseId))
                .singleElement()
                .satisfies(e -> assertThat(e.recipients).isEqualTo(2));
        sendAll();
        for (StaffFixtures.Account admin : List.of(lead, deputy)) {
            List<MimeMessage> got = mailTo(admin.email());
            assertThat(got).hasSize(1);
            assertThat(got.get(0).getSubject()).isEqualTo("Haven: an urgent report has not been acknowledged");
            assertThat(GreenMailUtil.getBody(got.get(0)))
                    .contains("/staff/cases/" + caseId)
                    .doesNotContain(secret)
                    .doesNotContain("Min-jun")
                    .doesNotContain("Bullying")
                    .doesNotContain("Category");
        }
        assertThat(mailTo(handler.email())).as("administrators only").isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(caseId)))
                .filteredOn(a -> a.action.equals("ESCALATE"))
                .singleElement()
                .satisfies(a -> assertThat(a.staffId).isNull());

        escalation.run();
        clock.advance(Duration.ofHours(3));
        escalation.run();
        assertThat(escalations(caseId))
                .as("not again before the school's interval (4 hours)")
                .hasSize(1);

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        escalation.run();
        assertThat(escalations(caseId)).hasSize(2);
        sendAll();
        assertThat(mailTo(lead.email())).hasSize(2);
        assertThat(mailTo(deputy.email())).hasSize(2);

        FormSession h = staff.signedIn(handler);
        String page = h.get("/staff/cases/" + caseId).asString();
        assertThat(page)
                .contains("Reminders to administrators")
                .contains("administrators reminded (2)")
                .as("the job's audit rows have no staff member")
                .doesNotContain("NOT_FOUND")
                .doesNotContain("· null ·");
        assertThat(h.post("/staff/cases/" + caseId + "/status", Map.of("status", "acknowledged"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(h.get("/staff/cases/" + caseId + "/export").asString()).contains("administrators reminded (2)");

        clock.advance(Duration.ofHours(9));
        escalation.run();
        assertThat(escalations(caseId)).as("none after it was acknowledged").hasSize(2);
        sendAll();
        assertThat(mailTo(lead.email())).hasSize(2);
        assertThat(chain.verify()).isEmpty();
    }

    @Test
    void anIntimateImageCaseIsEscalatedEvenWithoutDangerAndAnOrdinaryCaseNever() throws Exception {
        long school = staff.school("ko");
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        QuarkusTransaction.requiringNew().run(() -> School.<School>findById(school).notifyCategory = true);
        String slug = slug(school);
        send(report(slug, "bullying", "Name-calling in class"));
        long ordinary = lastCaseId();
        send(report(slug, "intimate-image", "A picture is going round"));
        long intimate = lastCaseId();
        sendAll();
        smtp.purgeEmailFromAllMailboxes();

        clock.advance(Duration.ofHours(49));
        escalation.run();
        assertThat(escalations(ordinary))
                .as("not urgent, not an intimate image")
                .isEmpty();
        assertThat(escalations(intimate)).hasSize(1);
        sendAll();
        List<MimeMessage> got = mailTo(admin.email());
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getSubject()).isEqualTo("Haven: 긴급 신고가 아직 확인되지 않았습니다");
        assertThat(String.valueOf(got.get(0).getContent()))
                .as("the school lets mail name the category")
                .contains("/staff/cases/" + intimate)
                .contains("유형: 누군가의 가짜")
                .doesNotContain("A picture");
    }

    @Test
    void anAcknowledgedButStillOverdueCaseIsNotEscalated() {
        long school = staff.school("fr");
        staff.account(school, true, Role.ADMIN);
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        send(urgent(slug(school), "sextortion", "Someone wants money"));
        long caseId = lastCaseId();
        FormSession h = staff.signedIn(handler);
        h.get("/staff/cases/" + caseId);
        assertThat(h.post("/staff/cases/" + caseId + "/status", Map.of("status", "in_progress"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReportCase.<ReportCase>findById(caseId).acknowledgedAt))
                .isNotNull();
        Duties.settle(h, caseId); // its legal duties done too: nothing left to escalate
        clock.advance(Duration.ofHours(30));
        escalation.run();
        assertThat(escalations(caseId)).isEmpty();
    }
}
