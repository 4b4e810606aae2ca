package io.haven.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.haven.audit.CaseAudit;
import io.haven.notify.OutboxSender;
import io.haven.report.ReportCase;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole channel against a real SMTP server: a student reports, the routed handler is mailed
 * (with no content), signs in with the second factor, reads and replies; the student follows up with
 * the receipt, reads the reply and answers; the handler is told and reads the answer.
 */
@QuarkusTest
class CaseworkFlowTest {

    static final Pattern RECEIPT = Pattern.compile("<strong>(\\d{4} \\d{4} \\d{4} \\d{4})</strong>");

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @Inject
    OutboxSender sender;

    @Inject
    io.haven.web.Clock clock;

    @Inject
    io.haven.report.ReportResource reports;

    GreenMail smtp;

    @BeforeEach
    void start() throws Exception {
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

    static Map<String, Object> report(String slug, String category, String body) {
        Map<String, Object> f = new HashMap<>();
        f.put("school", slug);
        f.put("category", category);
        f.put("affected", "me");
        f.put("where", "");
        f.put("when", "");
        f.put("body", body);
        f.put("dangerNow", "no");
        f.put("contact", "");
        f.put("website", "");
        return f;
    }

    static String send(Map<String, Object> form) {
        FormSession student = new FormSession();
        student.get("/report");
        Response r = student.post("/report", form);
        assertThat(r.statusCode()).isEqualTo(200);
        Matcher m = RECEIPT.matcher(r.asString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static long lastCaseId() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ReportCase.<ReportCase>find("order by id desc").firstResult().id);
    }

    /** Other tests leave mail in the outbox too: send until nothing is due. */
    int sendAll() {
        return io.haven.notify.TestSmtp.flush(sender);
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

    @Test
    void reportReachesTheHandlerWhoRepliesAndTheReporterAnswers() throws Exception {
        long school = staff.school("en");
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        StaffFixtures.Account teacher = staff.account(school, false, Role.TEACHER);
        String secret = "Jiwoo's face was put on a picture in the year chat " + System.nanoTime();
        String receipt = send(report(slug(school), "intimate-image", secret));
        long caseId = lastCaseId();

        assertThat(sendAll()).isGreaterThanOrEqualTo(1);
        List<MimeMessage> toHandler = mailTo(handler.email());
        assertThat(toHandler).hasSize(1);
        String mail = GreenMailUtil.getBody(toHandler.get(0));
        assertThat(mail)
                .contains("/staff/cases/" + caseId)
                .doesNotContain(secret)
                .doesNotContain("Jiwoo")
                .doesNotContain("intimate");
        assertThat(mail)
                .as("each fact in its place")
                .containsPattern("Sign in to read it: \\S*/staff/cases/" + caseId)
                .containsPattern("A report \\([^)]+\\) is waiting for ");
        assertThat(mailTo(teacher.email())).as("never to teachers").isEmpty();

        FormSession h = staff.signedIn(handler);
        assertThat(h.get("/staff/cases").asString()).contains("#" + CaseWorkflowTest.num(caseId) + "<");
        // Its row names the category and status in the reader's language (the filter's options carry the same
        // words, in <option>s).
        assertThat(h.get("/staff/cases?lang=ko").asString()).contains("<td>성적 이미지</td>", "<td>새 신고</td>");
        assertThat(h.get("/staff/cases?lang=en").asString()).contains("<td>Intimate image</td>", "<td>New</td>");
        Response page = h.get("/staff/cases/" + caseId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString())
                .contains(secret.replace("'", "&#39;"))
                .contains("Never view, copy, print, forward or save");
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(caseId)))
                .extracting(a -> a.action)
                .contains("VIEW");

        String answer = "Thank you for telling us. We are looking into it " + System.nanoTime();
        Response sentByStaff = h.post("/staff/cases/" + caseId + "/messages", Map.of("message", answer));
        assertThat(sentByStaff.statusCode()).isEqualTo(303);
        h.get("/staff/cases/" + caseId);
        String note = "Internal: spoke to the year head " + System.nanoTime();
        assertThat(h.post("/staff/cases/" + caseId + "/notes", Map.of("note", note))
                        .statusCode())
                .isEqualTo(303);
        h.get("/staff/cases/" + caseId);
        assertThat(h.post("/staff/cases/" + caseId + "/status", Map.of("status", "acknowledged"))
                        .statusCode())
                .isEqualTo(303);

        FormSession student = new FormSession();
        student.get("/report/follow-up");
        Response followUp = student.post("/report/follow-up", Map.of("receipt", receipt));
        assertThat(followUp.asString())
                .contains(answer)
                .contains("Read by staff.")
                .doesNotContain(note);

        smtp.purgeEmailFromAllMailboxes();
        String back = "There is a second account sharing it " + System.nanoTime();
        assertThat(student.post("/report/follow-up/reply", Map.of("receipt", receipt, "message", back))
                        .statusCode())
                .isEqualTo(200);
        sendAll();
        List<MimeMessage> told = mailTo(handler.email());
        assertThat(told).hasSize(1);
        assertThat(GreenMailUtil.getBody(told.get(0))).doesNotContain(back).contains("/staff/cases/" + caseId);
        assertThat(h.get("/staff/cases/" + caseId).asString()).contains(back);
    }

    @Test
    void otherSchoolsTeachersAndUnenrolledHandlersCannotOpenACase() {
        long school = staff.school("fr");
        long other = staff.school("fr");
        staff.account(school, true, Role.HANDLER);
        send(report(slug(school), "bullying", "Bullying in the canteen"));
        long caseId = lastCaseId();

        FormSession elsewhere = staff.signedIn(staff.account(other, true, Role.HANDLER));
        assertThat(elsewhere.get("/staff/cases/" + caseId).statusCode()).isEqualTo(404);
        assertThat(elsewhere.get("/staff/cases").asString()).doesNotContain("/staff/cases/" + caseId + "\"");

        FormSession teacher = staff.signedIn(staff.account(school, false, Role.TEACHER));
        assertThat(teacher.get("/staff/cases/" + caseId).statusCode()).isEqualTo(404);
        assertThat(teacher.get("/staff/cases").statusCode()).isEqualTo(404);

        FormSession unenrolled = new FormSession();
        StaffFixtures.passwordStep(
                unenrolled, staff.account(school, false, Role.HANDLER).email(), "violet kettle harbour 42");
        Response r = unenrolled.get("/staff/cases/" + caseId);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/staff/enrol");

        FormSession anonymous = new FormSession();
        assertThat(anonymous.get("/staff/cases/" + caseId).header("Location")).endsWith("/staff/login");
        assertThat(elsewhere.get("/staff/cases/not-a-number").statusCode()).isEqualTo(404);
    }

    @Test
    void concernAboutAnAdultGoesToTheLeadAndDistrictAndIsHiddenFromThePersonItIsAbout() throws Exception {
        long school = staff.school("en");
        StaffFixtures.Account lead = staff.account(school, true, Role.ADMIN);
        StaffFixtures.Account deputy = staff.account(school, true, Role.ADMIN);
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        StaffFixtures.Account district = staff.account(null, true, Role.DISTRICT_ADMIN);
        send(report(slug(school), "adult-concern", "A member of staff keeps messaging a pupil"));
        long caseId = lastCaseId();
        sendAll();
        assertThat(mailTo(lead.email())).hasSize(1);
        assertThat(mailTo(deputy.email())).hasSize(1);
        assertThat(mailTo(district.email())).hasSize(1);
        assertThat(mailTo(handler.email())).as("not to handlers below the lead").isEmpty();

        assertThat(staff.signedIn(handler).get("/staff/cases/" + caseId).statusCode())
                .isEqualTo(404);

        FormSession l = staff.signedIn(lead);
        l.get("/staff/cases/" + caseId);
        assertThat(l.post("/staff/cases/" + caseId + "/about", Map.of("about", String.valueOf(deputy.id())))
                        .statusCode())
                .isEqualTo(303);
        FormSession d = staff.signedIn(deputy);
        assertThat(d.get("/staff/cases/" + caseId).statusCode()).isEqualTo(404);
        assertThat(d.get("/staff/cases").asString()).doesNotContain("/staff/cases/" + caseId + "\"");
        assertThat(l.get("/staff/cases/" + caseId).statusCode()).isEqualTo(200);
    }

    @Test
    void smtpDownWhenAReportArrivesLosesNothing() throws Exception {
        long school = staff.school("en");
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        io.haven.notify.TestSmtp.down();
        send(report(slug(school), "sextortion", "Someone asks for money or they will share a picture"));
        sendAll();
        List<io.haven.notify.OutboxMail> waiting =
                QuarkusTransaction.requiringNew().call(() -> io.haven.notify.OutboxMail.listTo(handler.email()));
        assertThat(waiting).singleElement().satisfies(m -> {
            assertThat(m.sentAt).isNull();
            assertThat(m.attempts).isEqualTo(1);
        });
        io.haven.notify.TestSmtp.up();
        // To the retry the sender set, not a fixed few minutes: a try that failed slowly on a busy machine
        // (a timeout, whose outcome is unknown) is retried only once its claim has run out.
        java.time.Duration untilRetry = java.time.Duration.between(clock.now(), waiting.get(0).nextAttemptAt);
        clock.advance(untilRetry.isNegative() ? java.time.Duration.ZERO : untilRetry.plusSeconds(1));
        sendAll();
        assertThat(mailTo(handler.email())).hasSize(1);
    }

    @Test
    void aFloodPastTheHourlyVolumeAlertsTheSchoolsAdministrators() throws Exception {
        long school = staff.school("ko");
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        String slug = slug(school);
        for (int i = 0; i < 31; i++) {
            reports.clearLimitsForTests();
            send(report(slug, "bullying", "Flood " + i));
        }
        sendAll();
        assertThat(mailTo(admin.email())).extracting(MimeMessage::getSubject).contains("Haven: 신고가 평소보다 많습니다");
    }

    /** A note's limit is checked by its form's constraint, with the length and the limit in the message. */
    @Test
    void aNoteOverTheLimitComesBackWithBothNumbersAndAnEmojiCountsOnce() {
        long school = staff.school("en");
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        send(report(slug(school), "other", "Something else"));
        long caseId = lastCaseId();
        FormSession h = staff.signedIn(handler);
        h.get("/staff/cases/" + caseId);
        String tooLong = "a".repeat(io.haven.report.ReportForm.BODY_MAX + 1);
        Response refused = h.post("/staff/cases/" + caseId + "/notes", Map.of("note", tooLong));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString())
                .containsPattern("5,?001")
                .containsPattern("5,?000")
                .contains(tooLong);
        String emoji = "\uD83D\uDE00".repeat(io.haven.report.ReportForm.BODY_MAX);
        assertThat(h.post("/staff/cases/" + caseId + "/notes", Map.of("note", emoji))
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void emptyNoteComesBackWithAMessageAndMissingCsrfKeepsTheText() {
        long school = staff.school("en");
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        send(report(slug(school), "other", "Something else"));
        long caseId = lastCaseId();
        FormSession h = staff.signedIn(handler);
        h.get("/staff/cases/" + caseId);
        Response empty = h.post("/staff/cases/" + caseId + "/notes", Map.of("note", "  "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("Write a message before sending.");
        Response forged = h.postRaw("/staff/cases/" + caseId + "/messages", Map.of("message", "Keep me please"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.asString()).contains("Keep me please").contains("Nothing was lost");
        // Security audit M1: both error pages showed the case again, and each such render is audited.
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(caseId)))
                .filteredOn(a -> a.action.equals("VIEW") && "form error".equals(a.detail))
                .hasSize(2);
    }

    /** Security audit L6: "about" names only staff of the case's school. */
    @Test
    void aConcernCanOnlyBeMarkedAsAboutStaffOfTheSameSchool() throws Exception {
        long school = staff.school("en");
        long other = staff.school("en");
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        StaffFixtures.Account stranger = staff.account(other, true, Role.TEACHER);
        send(report(slug(school), "adult-concern", "About someone"));
        long caseId = lastCaseId();
        FormSession a = staff.signedIn(admin);
        a.get("/staff/cases/" + caseId);
        Response r = a.post("/staff/cases/" + caseId + "/about", Map.of("about", String.valueOf(stranger.id())));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() ->
                                io.haven.report.ReportCase.<io.haven.report.ReportCase>findById(caseId).aboutStaffId))
                .isNull();
    }
}
