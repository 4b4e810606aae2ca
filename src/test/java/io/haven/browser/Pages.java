package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.classroom.Classroom;
import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.Lesson;
import io.haven.lesson.QuizQuestion;
import io.haven.notify.OutboxMail;
import io.haven.report.ReportCase;
import io.haven.report.ReportResource;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.school.TestSchools;
import io.haven.staff.Role;
import io.haven.staff.SetupTokens;
import io.haven.staff.StaffFixtures;
import io.haven.staff.StaffService;
import io.haven.staff.Totp;
import io.haven.web.Band;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.haven.web.Language;
import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.support.ui.Select;

/**
 * What the browser tests need to reach a page: the browser itself, plus schools, staff, reports and
 * classes made over HTTP or in the database, so each page type is one short step in {@link PageTypes}.
 * Each step leaves the browser on the page, checked to be the one asked for.
 */
@ApplicationScoped
@Unremovable
public class Pages {

    /** The password of every account {@link StaffFixtures} makes. */
    public static final String PASSWORD = "violet kettle harbour 42";

    /** The lesson the public page types show. */
    public static final String LESSON = "if-it-happens";

    /** A school with a fixed slug that reports are filed to from the form. */
    public static final String REPORT_SCHOOL = "browser-school";

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @Inject
    ReportResource reports;

    @Inject
    StaffService staffService;

    @Inject
    SetupTokens setup;

    @Inject
    ContentCatalogue content;

    @Inject
    Clock clock;

    private Browser browser;

    /** A staff member signed in both over HTTP ({@code http}) and in the browser. */
    public record SignedIn(long school, StaffFixtures.Account account, FormSession http) {}

    public Pages on(Browser browser) {
        this.browser = browser;
        return this;
    }

    public Browser browser() {
        return browser;
    }

    /**
     * What each test leaves behind that could stop the next one: the clock, sign-in pauses, report
     * limits, and the mail its reports, invitations and resets queued. Browser tests read no mail; left
     * in the outbox, it would reach the suite's GreenMail in the next mail test's mailboxes.
     */
    public void reset() {
        staff.reset();
        reports.clearLimitsForTests();
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.delete("sentAt is null"));
    }

    /** Opens a page and checks it was not redirected elsewhere (a staff page to the sign-in form, say). */
    public Pages open(String path) {
        browser.open(path);
        assertThat(browser.currentPath().replaceAll("[?#].*", ""))
                .as("where " + path + " led")
                .isEqualTo(path.replaceAll("[?#].*", ""));
        return this;
    }

    /** Clicks the submit button of the form whose action starts with {@code action}, and waits for the next page. */
    public Pages submit(String action) {
        browser.follow("form[action^='" + action + "'] button[type=submit]");
        return this;
    }

    public Pages type(String css, String text) {
        browser.find(css).sendKeys(text);
        return this;
    }

    // --- lessons ------------------------------------------------------------------------------

    public Lesson lesson(String lang) {
        return content.curriculum()
                .module(LESSON)
                .orElseThrow()
                .lesson(Band.AGES_11_13, Language.of(lang).orElseThrow())
                .orElseThrow();
    }

    /** Answers the lesson's quiz, the first question wrongly when {@code oneWrong}, and sends it. */
    public Pages answerQuiz(String lang, boolean oneWrong) {
        open("/lessons/" + LESSON + "?band=11-13&lang=" + lang);
        List<QuizQuestion> quiz = lesson(lang).quiz();
        for (int i = 0; i < quiz.size(); i++) {
            QuizQuestion q = quiz.get(i);
            int choice = oneWrong && i == 0 ? (q.answer() + 1) % q.choices().size() : q.answer();
            browser.click("#q-" + q.id() + "-" + choice);
        }
        browser.follow(".quiz button[type=submit]");
        assertThat(browser.find(".score").getText()).contains(String.valueOf(quiz.size() - (oneWrong ? 1 : 0)));
        return this;
    }

    /** Sends the quiz with only the first question answered: the page comes back with its error summary. */
    public Pages answerQuizPartly(String lang) {
        open("/lessons/" + LESSON + "?band=11-13&lang=" + lang);
        QuizQuestion first = lesson(lang).quiz().get(0);
        browser.click("#q-" + first.id() + "-" + first.answer());
        browser.follow(".quiz button[type=submit]");
        assertThat(browser.findAll(".error-summary li a"))
                .hasSize(lesson(lang).quiz().size() - 1);
        return this;
    }

    // --- reports ------------------------------------------------------------------------------

    /** The report form filled in and sent: the browser shows the receipt, whose number this answers. */
    public String fileReport(String lang) {
        TestSchools.ensure(REPORT_SCHOOL, "kr", "ko", "Asia/Seoul");
        schools.refresh();
        open("/report?lang=" + lang);
        new Select(browser.find("#school")).selectByValue(REPORT_SCHOOL);
        browser.click("#category-bullying").click("#affected-me").click("#dangerNow-no");
        type("#body", "Someone keeps posting edited pictures of me.");
        submit("/report?");
        String receipt = browser.find(".receipt strong").getText();
        assertThat(receipt).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
        return receipt;
    }

    /** A report filed, followed up with its receipt and answered once: the browser shows the conversation. */
    public Pages followUpWithReply(String lang) {
        String receipt = fileReport(lang);
        open("/report/follow-up?lang=" + lang);
        type("#receipt", receipt);
        submit("/report/follow-up?");
        type("#message", "It happened again today.");
        submit("/report/follow-up/reply");
        assertThat(browser.find(".conversation").getText()).contains("It happened again today.");
        return this;
    }

    /** A report sent over HTTP, as a student elsewhere would: answers the new case's id. */
    public static long report(String slug) {
        Map<String, Object> f = new HashMap<>();
        f.put("school", slug);
        f.put("category", "bullying");
        f.put("affected", "me");
        f.put("where", "");
        f.put("when", "");
        f.put("body", "Someone keeps posting edited pictures of me.");
        f.put("dangerNow", "no");
        f.put("contact", "");
        f.put("website", "");
        FormSession student = new FormSession();
        student.get("/report");
        assertThat(student.post("/report", f).statusCode()).isEqualTo(200);
        return QuarkusTransaction.requiringNew()
                .call(() -> ReportCase.<ReportCase>find("order by id desc").firstResult().id);
    }

    // --- staff --------------------------------------------------------------------------------

    /** A new school in the language, with its directory refreshed. */
    public long school(String lang) {
        long school = staff.school(lang);
        schools.refresh();
        return school;
    }

    public static String slug(long school) {
        return QuarkusTransaction.requiringNew().call(() -> School.<School>findById(school).slug);
    }

    /** A new school and an enrolled account with the roles, signed in over HTTP and handed to the browser. */
    public SignedIn signedIn(String lang, Role... roles) {
        long school = school(lang);
        StaffFixtures.Account a = staff.account(school, true, roles);
        FormSession http = staff.signedIn(a);
        browser.useCookies(http.cookies);
        return new SignedIn(school, a, http);
    }

    /** A district administrator (no school), signed in over HTTP and handed to the browser. */
    public StaffFixtures.Account districtAdmin() {
        StaffFixtures.Account a = staff.account(null, true, Role.DISTRICT_ADMIN);
        browser.useCookies(staff.signedIn(a).cookies);
        return a;
    }

    /** Two reports of a signed-in handler's school linked into one incident: answers the incident id. */
    public long incidentOfSignedInHandler(String lang) {
        SignedIn h = signedIn(lang, Role.HANDLER, Role.ADMIN);
        long first = report(slug(h.school()));
        long second = report(slug(h.school()));
        h.http().get("/staff/cases/" + first);
        assertThat(h.http()
                        .post(
                                "/staff/cases/" + first + "/links",
                                Map.of(
                                        "link",
                                        String.valueOf(QuarkusTransaction.requiringNew()
                                                .call(() -> ReportCase.<ReportCase>findById(second).number))))
                        .statusCode())
                .isEqualTo(303);
        return first;
    }

    /** An administrator signed in, and a colleague of the same school: answers the admin page of that colleague. */
    public String colleaguePage(String lang) {
        SignedIn admin = signedIn(lang, Role.ADMIN);
        StaffFixtures.Account colleague = staff.account(admin.school(), false, Role.HANDLER);
        return "/staff/admin/staff/" + colleague.id() + "?school=" + admin.school() + "&lang=" + lang;
    }

    /** Clears a field (a form that comes back with an error needs one left empty). */
    public Pages clear(String css) {
        browser.find(css).clear();
        return this;
    }

    /** The duty every Korean sextortion case of a minor lists (content/duties/kr.yaml). */
    public static final String KR_DUTY = "kr-report-sex-crime-investigators";

    /**
     * A signed-in handler and administrator of a Korean school (Seoul time) with a sextortion case of an
     * 11-13 year old, whose legal duties are therefore listed: answers the case id.
     */
    public long koreanDutyCase(String lang) {
        long school =
                TestSchools.ensure("kr-" + UUID.randomUUID().toString().substring(0, 12), "kr", lang, "Asia/Seoul");
        schools.refresh();
        SignedIn h = new SignedIn(school, staff.account(school, true, Role.HANDLER, Role.ADMIN), null);
        browser.useCookies(staff.signedIn(h.account()).cookies);
        Map<String, Object> f = new HashMap<>();
        f.put("school", slug(h.school()));
        f.put("category", "sextortion");
        f.put("affected", "friend");
        f.put("age", "11-13");
        f.put("where", "");
        f.put("when", "");
        f.put("body", "Someone asks my friend for money or they will share a photo.");
        f.put("dangerNow", "no");
        f.put("contact", "");
        f.put("website", "");
        FormSession student = new FormSession();
        student.get("/report");
        assertThat(student.post("/report", f).statusCode()).isEqualTo(200);
        clock.advance(java.time.Duration.ofMinutes(1)); // its immediate duty is now overdue
        return QuarkusTransaction.requiringNew()
                .call(() -> ReportCase.<ReportCase>find("order by id desc").firstResult().id);
    }

    /** A signed-in handler of a school with one reported case: answers the case id. */
    public long caseOfSignedInHandler(String lang) {
        SignedIn h = signedIn(lang, Role.HANDLER, Role.ADMIN);
        return report(slug(h.school()));
    }

    /** The password step done in the browser for an account; the browser shows what comes next. */
    public StaffFixtures.Account passwordStep(String lang, boolean enrolled) {
        StaffFixtures.Account a = staff.account(school(lang), enrolled, Role.HANDLER);
        open("/staff/login?lang=" + lang);
        type("#email", a.email()).type("#password", PASSWORD).submit("/staff/login");
        assertThat(browser.currentPath()).startsWith(enrolled ? "/staff/second-factor" : "/staff/enrol");
        return a;
    }

    /** Enrols the second factor with the secret the enrolment page shows: the browser shows the recovery codes. */
    public Pages enrolWithTheShownSecret(String lang) {
        passwordStep(lang, false);
        String secret = browser.find("#secret").getText().replace(" ", "");
        type("#code", Totp.code(secret, Totp.step(clock.now()))).submit("/staff/enrol");
        assertThat(browser.findAll(".recovery-codes li, main li code")).isNotEmpty();
        return this;
    }

    public Pages wrongPassword(String lang) {
        open("/staff/login?lang=" + lang);
        type("#email", "nobody@test.haven")
                .type("#password", "not the password")
                .submit("/staff/login");
        assertThat(browser.find(".error-summary").isDisplayed()).isTrue();
        return this;
    }

    /** The link of the only mail queued to an address (an invitation or a password reset). */
    public static String tokenMailedTo(String email) {
        String body = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.listTo(email).get(0).bodyText());
        Matcher m = TOKEN.matcher(body);
        assertThat(m.find()).as("a link in " + body).isTrue();
        return m.group(1);
    }

    /** An invitation to a new school: answers the token of its link. */
    public String invitationToken(String lang) {
        long school = school(lang);
        String email = "invitee-" + UUID.randomUUID() + "@test.haven";
        staffService.invite(
                school, staff.account(school, false, Role.ADMIN).id(), email, "Léa Dubois", List.of(Role.TEACHER));
        return tokenMailedTo(email);
    }

    /** A password reset asked for an account: answers the token of its link. */
    public String resetToken(String lang) {
        StaffFixtures.Account a = staff.account(school(lang), false, Role.TEACHER);
        staffService.requestReset(a.email());
        return tokenMailedTo(a.email());
    }

    public String setupToken() {
        return setup.withoutAdministrators();
    }

    // --- classes ------------------------------------------------------------------------------

    /** A signed-in teacher's class in band {@code band}, made through the class form over HTTP: answers its id. */
    public long classOf(SignedIn teacher, String band) {
        Map<String, Object> f = new HashMap<>();
        f.put("name", "Class 7B");
        f.put("school", Long.toString(teacher.school()));
        f.put("band", band);
        f.put("language", "en");
        f.put("expiresOn", "");
        f.put("seatCap", "");
        teacher.http().get("/staff/classes/new");
        Response r = teacher.http().post("/staff/classes", f);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
        String location = r.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** A signed-in teacher's class, with one lesson assigned and one student joined. */
    public long classWithAStudent(String lang) {
        SignedIn teacher = signedIn(lang, Role.TEACHER);
        long id = classOf(teacher, "11-13");
        teacher.http().get("/staff/classes/" + id);
        assertThat(teacher.http()
                        .post("/staff/classes/" + id + "/assignments", Map.of("module", LESSON, "dueOn", ""))
                        .statusCode())
                .isEqualTo(303);
        FormSession student = new FormSession();
        student.get("/join");
        assertThat(student.post("/join", Map.of("code", joinCode(id), "nickname", "Comet"))
                        .statusCode())
                .isEqualTo(200);
        return id;
    }

    public static String joinCode(long classId) {
        return QuarkusTransaction.requiringNew().call(() -> Classroom.<Classroom>findById(classId).joinCode);
    }

    /** A lesson written for older students assigned to a class of 5-7 year olds: the page asks to confirm. */
    public Pages assignOutOfBand(String lang) {
        long id = classOf(signedIn(lang, Role.TEACHER), "5-7");
        open("/staff/classes/" + id + "?lang=" + lang);
        new Select(browser.find("#module")).selectByValue("sextortion");
        submit("/staff/classes/" + id + "/assignments");
        assertThat(browser.findAll("#confirm, [name=confirm]")).isNotEmpty();
        return this;
    }

    /** A student joins a new class in the browser: it shows the page with their resume code. */
    public Pages joinAClass(String lang) {
        String code = joinCode(classOf(signedIn(lang, Role.TEACHER), "11-13"));
        browser.driver().manage().deleteAllCookies();
        open("/join?lang=" + lang);
        type("#code", code).type("#nickname", "Comet").submit("/join");
        assertThat(browser.findAll("#code")).as("the join form is gone").isEmpty();
        return this;
    }
}
