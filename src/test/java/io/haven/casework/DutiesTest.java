package io.haven.casework;

import static io.haven.casework.CaseworkFlowTest.report;
import static io.haven.casework.CaseworkFlowTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.haven.audit.AuditChain;
import io.haven.audit.CaseAudit;
import io.haven.notify.OutboxSender;
import io.haven.notify.TestSmtp;
import io.haven.report.AgeBand;
import io.haven.report.CaseStatus;
import io.haven.report.ReportCase;
import io.haven.report.ReportResource;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.haven.web.HtmlValidityTest;
import io.haven.web.Language;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The legal duties of staff on a case (issue 17), on a Korean school: the police-report duty of a sex
 * crime against a minor (kr-report-sex-crime-investigators: report-police, due immediately, mandatory,
 * for intimate images and sextortion of 5-18 year olds) shows as overdue at once, blocks the close until
 * it is marked, is marked with an encrypted reference and audited, appears in the export, on the staff
 * home page and in the escalation mail (without content), and disappears from all of them once marked.
 * Only that duty's id and its specified properties are relied on, not its wording.
 */
@QuarkusTest
class DutiesTest {

    static final String DUTY = "kr-report-sex-crime-investigators";

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
        TestSmtp.flush(sender);
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void stop() {
        staff.reset();
    }

    /** A new Korean school (Seoul time), its directory refreshed; answers its id. */
    long koreanSchool() {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            School s = new School();
            s.slug = "kr-" + UUID.randomUUID().toString().substring(0, 12);
            s.name = "Duties School " + s.slug;
            s.jurisdiction = "kr";
            s.defaultLanguage = "en";
            s.timeZone = "Asia/Seoul";
            s.createdAt = Instant.now();
            s.persist();
            return s.id;
        });
        schools.refresh();
        return id;
    }

    long reportOf(long school, String category, String age, String body) {
        Map<String, Object> f = report(slug(school), category, body);
        f.put("age", age);
        send(f);
        return CaseworkFlowTest.lastCaseId();
    }

    static String slug(long school) {
        return QuarkusTransaction.requiringNew().call(() -> School.<School>findById(school).slug);
    }

    static ReportCase load(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ReportCase.<ReportCase>findById(id));
    }

    static List<CaseAudit> audit(long id) {
        return QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(id));
    }

    /** The duty's item on a case page (from its li to the end of the li). */
    static String item(String page, String dutyId) {
        int start = page.indexOf("<li id=\"duty-" + dutyId + "\"");
        assertThat(start).as("the page lists " + dutyId).isGreaterThanOrEqualTo(0);
        return page.substring(start, page.indexOf("</li>", start));
    }

    static Response post(FormSession s, long id, String action, Map<String, ?> form) {
        s.get("/staff/cases/" + id);
        return s.post("/staff/cases/" + id + action, form);
    }

    @Test
    void aKoreanSextortionCaseOfAnElevenToThirteenYearOldNeedsThePoliceReportBeforeItCloses() throws Exception {
        long school = koreanSchool();
        StaffFixtures.Account firstAccount = staff.account(school, true, Role.HANDLER);
        FormSession first = staff.signedIn(firstAccount);
        FormSession second = staff.signedIn(staff.account(school, true, Role.HANDLER));
        String secret = "Someone wants money or they will share my photo " + System.nanoTime();
        long id = reportOf(school, "sextortion", "11-13", secret);
        assertThat(load(id).ageBand).as("only the band is stored").isEqualTo(AgeBand.AGES_11_13);

        clock.advance(Duration.ofMinutes(1));
        String page = first.get("/staff/cases/" + id).asString();
        String duty = item(page, DUTY);
        String received = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Language.EN.locale)
                .format(load(id).createdAt.atZone(ZoneId.of("Asia/Seoul")));
        assertThat(duty)
                .as("due immediately, at the received time in Seoul time, and overdue")
                .contains("Due immediately (when the report came in, " + received + ")")
                .contains("Overdue")
                .contains("Required")
                .contains("To do");
        assertThat(HtmlValidityTest.errorsIn(page, "case with duties")).isEmpty();

        // The closing form refuses while the duty is open, even with a referral decision on record and every
        // other duty of the case done.
        assertThat(post(first, id, "/referrals", Map.of("kind", "police", "reference", ""))
                        .statusCode())
                .isEqualTo(303);
        for (String other : Duties.listed(first, id)) {
            if (!other.equals(DUTY)) {
                assertThat(post(first, id, "/duties/" + other + "/done", Map.of())
                                .statusCode())
                        .isEqualTo(303);
            }
        }
        Response r = post(first, id, "/close", Map.of("outcome", "resolved"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("This case cannot be closed yet.").contains("value=\"resolved\" checked");
        assertThat(load(id).status).isNotEqualTo(CaseStatus.CLOSED);

        // Refused marks come back filled in, with the error next to the field.
        r = post(first, id, "/duties/" + DUTY + "/not-applicable", Map.of("reason", "  "));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains("Say why this duty does not apply.")
                .contains("id=\"duty-" + DUTY + "-reason-error\"");
        r = post(first, id, "/duties/" + DUTY + "/done", Map.of("doneAt", "tomorrow at noon", "reference", "KR-77"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains("not in the future")
                .contains("value=\"tomorrow at noon\"")
                .contains("value=\"KR-77\"");
        assertThat(HtmlValidityTest.errorsIn(r.asString(), "refused duty mark")).isEmpty();
        first.get("/staff/cases/" + id);
        r = first.postRaw("/staff/cases/" + id + "/duties/" + DUTY + "/done", Map.of("reference", "KR-78"));
        assertThat(r.statusCode()).as("no CSRF token").isEqualTo(400);
        assertThat(r.asString()).contains("value=\"KR-78\"");
        r = post(first, id, "/duties/kr-no-such-duty/done", Map.of("reference", "X"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("This duty does not apply to this case.");
        assertThat(audit(id))
                .filteredOn(a -> String.valueOf(a.detail).startsWith(DUTY))
                .as("nothing marked yet")
                .isEmpty();

        // Marked done, with when and a reference: stored encrypted, audited without it.
        String reference = "SEOUL-POL-" + System.nanoTime();
        String doneAt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(clock.now().atZone(ZoneId.of("Asia/Seoul")));
        r = post(first, id, "/duties/" + DUTY + "/done", Map.of("doneAt", doneAt, "reference", reference));
        assertThat(r.statusCode()).isEqualTo(303);
        String raw = QuarkusTransaction.requiringNew().call(() -> (String) CaseDutyMark.getEntityManager()
                .createNativeQuery("SELECT reference_enc FROM case_duty_mark WHERE case_id = ?1 AND duty_id = ?2")
                .setParameter(1, id)
                .setParameter(2, DUTY)
                .getSingleResult());
        assertThat(raw).startsWith("v1:").doesNotContain(reference).doesNotContain("SEOUL");
        assertThat(audit(id))
                .filteredOn(a -> a.action.equals("DUTY_DONE") && a.detail.startsWith(DUTY))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.detail).contains(DUTY).doesNotContain(reference);
                    assertThat(a.staffId).isEqualTo(firstAccount.id());
                });
        assertThat(chain.verify()).isEmpty();
        duty = item(first.get("/staff/cases/" + id).asString(), DUTY);
        assertThat(duty)
                .contains("recorded by Test handler")
                .contains(reference)
                .doesNotContain("Overdue")
                .doesNotContain("To do");

        String export = first.get("/staff/cases/" + id + "/export").asString();
        assertThat(item(export, DUTY)).contains(reference).contains("Done").contains("Required");
        assertThat(HtmlValidityTest.errorsIn(export, "export with duties")).isEmpty();

        // Now the close goes through (two people, as for every sextortion case).
        assertThat(post(first, id, "/close", Map.of("outcome", "resolved")).statusCode())
                .isEqualTo(303);
        assertThat(post(second, id, "/close/confirm", Map.of()).statusCode()).isEqualTo(303);
        assertThat(load(id).status).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void notApplicableNeedsAReasonKeptEncryptedAndAlsoLetsTheCaseClose() {
        long school = koreanSchool();
        FormSession first = staff.signedIn(staff.account(school, true, Role.HANDLER));
        FormSession second = staff.signedIn(staff.account(school, true, Role.HANDLER));
        long id = reportOf(school, "intimate-image", "not-sure", "A picture of a classmate is going round");
        assertThat(Duties.listed(first, id)).as("not sure counts as a minor").contains(DUTY);
        assertThat(post(first, id, "/referrals", Map.of("kind", "none", "reasonNone", "Already with the police"))
                        .statusCode())
                .isEqualTo(303);
        Duties.listed(first, id).stream()
                .filter(d -> !d.equals(DUTY))
                .forEach(d -> assertThat(post(first, id, "/duties/" + d + "/done", Map.of())
                                .statusCode())
                        .isEqualTo(303));
        String why = "The family reported it to the police themselves " + System.nanoTime();
        assertThat(post(first, id, "/duties/" + DUTY + "/not-applicable", Map.of("reason", why))
                        .statusCode())
                .isEqualTo(303);
        String raw = QuarkusTransaction.requiringNew().call(() -> (String) CaseDutyMark.getEntityManager()
                .createNativeQuery("SELECT reason_enc FROM case_duty_mark WHERE case_id = ?1 AND duty_id = ?2")
                .setParameter(1, id)
                .setParameter(2, DUTY)
                .getSingleResult());
        assertThat(raw).startsWith("v1:").doesNotContain("family");
        assertThat(audit(id))
                .filteredOn(a -> a.action.equals("DUTY_NOT_APPLICABLE"))
                .singleElement()
                .satisfies(a -> assertThat(a.detail).isEqualTo(DUTY));
        assertThat(item(first.get("/staff/cases/" + id).asString(), DUTY))
                .contains("Marked not applicable")
                .contains(why);
        assertThat(post(first, id, "/close", Map.of("outcome", "unsubstantiated"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(post(second, id, "/close/confirm", Map.of()).statusCode()).isEqualTo(303);
        assertThat(load(id).status).isEqualTo(CaseStatus.CLOSED);

        // Retention's step for duty marks: the texts go, what was done and when stays.
        QuarkusTransaction.requiringNew().run(() -> RetentionJob.STEPS.getLast().purge(ReportCase.findById(id)));
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseDutyMark.<CaseDutyMark>list("caseId", id)))
                .isNotEmpty()
                .allSatisfy(m -> {
                    assertThat(m.reasonEnc).isNull();
                    assertThat(m.referenceEnc).isNull();
                    assertThat(m.state).isNotNull();
                });
    }

    @Test
    void theDutyFollowsCategoryAgeAndJurisdiction() {
        long school = koreanSchool();
        FormSession h = staff.signedIn(staff.account(school, true, Role.HANDLER, Role.ADMIN));
        long adult = reportOf(school, "sextortion", "adult", "Someone threatens me");
        long bullying = reportOf(school, "bullying", "11-13", "Name calling");
        long young = reportOf(school, "intimate-image", "8-10", "A picture");
        assertThat(Duties.listed(h, adult)).as("18 or over").doesNotContain(DUTY);
        assertThat(Duties.listed(h, bullying)).as("not its category").doesNotContain(DUTY);
        assertThat(Duties.listed(h, young)).contains(DUTY);
        long french = staff.school("en");
        FormSession f = staff.signedIn(staff.account(french, true, Role.HANDLER));
        schools.refresh();
        long elsewhere = reportOf(french, "sextortion", "11-13", "Someone threatens me");
        assertThat(Duties.listed(f, elsewhere)).as("another jurisdiction").doesNotContain(DUTY);
        for (String action : List.of("/done", "/not-applicable")) {
            Response r = f.post("/staff/cases/" + young + "/duties/" + DUTY + action, Map.of("reason", "Not ours"));
            assertThat(r.statusCode()).as("another school's case" + action).isEqualTo(404);
        }
        assertThat(audit(young)).extracting(a -> a.action).doesNotContain("DUTY_DONE", "DUTY_NOT_APPLICABLE");

        // A plain case (not an intimate image or sextortion) is never held back by duties.
        assertThat(post(h, bullying, "/close", Map.of("outcome", "resolved")).statusCode())
                .isEqualTo(303);
    }

    @Test
    void overdueDutiesReachTheEscalationMailWithoutContentAndTheStaffHomeUntilMarked() throws Exception {
        long school = koreanSchool();
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        String secret = "Ji-ho is asked for money or pictures " + System.nanoTime();
        long id = reportOf(school, "sextortion", "11-13", secret);
        FormSession h = staff.signedIn(handler);
        // Acknowledged at once: only the duty can escalate it.
        assertThat(post(h, id, "/status", Map.of("status", "in_progress")).statusCode())
                .isEqualTo(303);
        TestSmtp.flush(sender);
        smtp.purgeEmailFromAllMailboxes();

        clock.advance(Duration.ofMinutes(5));
        String home = h.get("/staff").asString();
        assertThat(home).contains("Overdue legal duties").contains("href=\"/staff/cases/" + id + "#duties\"");
        assertThat(HtmlValidityTest.errorsIn(home, "staff home with overdue duties"))
                .isEmpty();

        escalation.run();
        List<CaseEscalation> sent = QuarkusTransaction.requiringNew().call(() -> CaseEscalation.listByCase(id));
        assertThat(sent).singleElement().satisfies(e -> {
            assertThat(e.unacknowledged).isFalse();
            assertThat(e.overdueDuties).isGreaterThanOrEqualTo(1);
            assertThat(e.recipients).isEqualTo(1);
        });
        TestSmtp.flush(sender);
        List<MimeMessage> got = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m, admin.email()))
                .toList();
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getSubject()).isEqualTo("Haven: a legal duty on a case is overdue");
        assertThat(GreenMailUtil.getBody(got.get(0)))
                .contains("/staff/cases/" + id)
                .contains("required duty")
                .doesNotContain(secret)
                .doesNotContain("Ji-ho")
                .doesNotContain("Sextortion")
                .doesNotContain("police");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, handler.email())))
                .isEmpty();
        assertThat(h.get("/staff/cases/" + id).asString())
                .contains("required duties overdue: administrators reminded (1)");

        Duties.settle(h, id);
        assertThat(h.get("/staff").asString()).doesNotContain("Overdue legal duties");
        clock.advance(Duration.ofHours(5));
        escalation.run();
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseEscalation.listByCase(id)))
                .as("marked: no more")
                .hasSize(1);
        assertThat(chain.verify()).isEmpty();
    }

    @Test
    void theAdministratorsPageListsTheSchoolsDutiesAsDataAndFlagsOldReviews() throws Exception {
        long school = koreanSchool();
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        FormSession a = staff.signedIn(admin);
        String page = a.get("/staff/admin/duties?school=" + school).asString();
        assertThat(page)
                .contains("id=\"duty-" + DUTY + "\"")
                .contains("Read the source")
                .contains("immediately");
        assertThat(HtmlValidityTest.errorsIn(page, "duties admin page")).isEmpty();
        assertThat(a.get("/staff").asString()).contains("/staff/admin/duties?school=" + school);

        FormSession handler = staff.signedIn(staff.account(school, true, Role.HANDLER));
        assertThat(handler.get("/staff/admin/duties?school=" + school).statusCode())
                .as("administrators only")
                .isEqualTo(404);

        clock.advance(Duration.ofDays(3 * 366));
        FormSession later = staff.signedIn(admin);
        page = later.get("/staff/admin/duties?school=" + school).asString();
        int row = page.indexOf("id=\"duty-" + DUTY + "\"");
        assertThat(page.substring(row, page.indexOf("</tr>", row))).contains("Due for review");
    }

    static boolean to(MimeMessage m, String email) {
        try {
            return m.getAllRecipients()[0].toString().equals(email);
        } catch (Exception e) {
            return false;
        }
    }
}
