package io.haven.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.notify.OutboxMail;
import io.haven.school.SchoolDirectory;
import io.haven.school.TestSchools;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reporter's side, end to end, as a student would use it, with the database checked raw. */
@QuarkusTest
class ReportFlowTest {

    static final Pattern RECEIPT = Pattern.compile("<strong>(\\d{4} \\d{4} \\d{4} \\d{4})</strong>");

    @Inject
    SchoolDirectory schools;

    @Inject
    ReportResource resource;

    @Inject
    DataSource db;

    @Inject
    StaffFixtures fx;

    final List<String> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                    + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void setUp() {
        school("report-test");
        school("volume-test");
        schools.refresh();
        resource.sending.clear();
        resource.lookups.clear();
        java.util.logging.Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void logsNeverHoldTheClientAddressOrUserAgent() {
        java.util.logging.Logger.getLogger("").removeHandler(capture);
        assertThat(logged).noneMatch(l -> l.contains("127.0.0.1") || l.contains("HavenTestAgent"));
    }

    static void school(String slug) {
        TestSchools.ensure(slug, "kr", "ko", "Asia/Seoul");
    }

    static Map<String, Object> validForm(String body) {
        Map<String, Object> f = new HashMap<>();
        f.put("school", "report-test");
        f.put("category", "intimate-image");
        f.put("affected", "friend");
        f.put("where", "A group chat called 3-2 class room");
        f.put("when", "Yesterday evening");
        f.put("body", body);
        f.put("dangerNow", "no");
        f.put("contact", "");
        f.put("website", "");
        return f;
    }

    static FormSession session() {
        FormSession s = new FormSession();
        s.get("/report");
        return s;
    }

    static long count() {
        return QuarkusTransaction.requiringNew().call(() -> ReportCase.count());
    }

    static String receiptOf(Response r) {
        Matcher m = RECEIPT.matcher(r.asString());
        assertThat(m.find()).as("a receipt on the page").isTrue();
        return m.group(1);
    }

    @Test
    void formOffersNoUploadShowsEmergencyNumberAndSetsOnlyTheCsrfCookie() {
        Response r = given().header("User-Agent", "HavenTestAgent/1.0").get("/report?lang=ko");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.asString())
                .doesNotContain("type=\"file\"")
                .doesNotContain("enctype=\"multipart")
                .contains("tel:112")
                .contains("여기에서 사진을 보낼 수 없는 이유")
                .contains("href=\"/report/privacy\"");
        assertThat(r.getCookies().keySet()).containsExactly("haven_csrf");
    }

    @Test
    void fullFlowReceiptFollowUpAndReplyWithEverythingEncryptedAtRest() throws SQLException {
        String secret = "Minjun made a fake picture of Jiwoo " + System.nanoTime();
        FormSession s = session();
        Response sent = s.post("/report", validForm(secret));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.header("Cache-Control")).isEqualTo("no-store");
        assertThat(sent.header("Location")).isNull();
        String receipt = receiptOf(sent);
        assertThat(sent.asString()).contains("Do not open it again, forward it, save it or screenshot it.");

        Response saved = s.post("/report/saved", Map.of());
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.asString()).doesNotContain(receipt).contains("Thank you for telling us");

        FormSession f = new FormSession();
        f.get("/report/follow-up");
        Response status = f.post("/report/follow-up", Map.of("receipt", receipt));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.header("Cache-Control")).isEqualTo("no-store");
        assertThat(status.asString())
                .contains("Sent: waiting to be read by staff.")
                .contains("Staff should read it by")
                .contains("No messages yet.");

        String reply = "There is a second account too " + System.nanoTime();
        Response replied =
                f.post("/report/follow-up/reply", Map.of("receipt", receipt.replace(" ", ""), "message", reply));
        assertThat(replied.statusCode()).isEqualTo(200);
        assertThat(replied.asString()).contains("Your message was sent.").contains(reply);

        assertNotInAnyColumn(secret);
        assertNotInAnyColumn(reply);
        assertNotInAnyColumn("3-2 class room");
        assertNotInAnyColumn(receipt.replace(" ", ""));
    }

    @Test
    void theSameReportFormSentTwiceMakesOneCase() {
        FormSession s = session();
        String once = s.once();
        assertThat(once).as("the report form carries a one-time token").isNotBlank();
        Map<String, Object> form = validForm("Sent twice by a refresh " + System.nanoTime());
        long before = count();
        Response first = s.post("/report", form);
        assertThat(first.statusCode()).isEqualTo(200);
        receiptOf(first);
        // Refreshing the receipt page sends the same form, with the same token, again.
        form.put("_once", once);
        Response again = s.post("/report", form);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.asString()).contains("Your report was already sent").doesNotContainPattern("<strong>\\d{4} ");
        assertThat(count()).isEqualTo(before + 1);
        // A new form (a new token) is a new report.
        s.get("/report");
        assertThat(s.once()).isNotEqualTo(once);
        receiptOf(s.post("/report", validForm("A second, different report " + System.nanoTime())));
        assertThat(count()).isEqualTo(before + 2);
    }

    @Test
    void theSameReplySentTwiceIsStoredOnce() {
        String receipt = receiptOf(session().post("/report", validForm("A report to reply to " + System.nanoTime())));
        FormSession f = new FormSession();
        f.get("/report/follow-up");
        Response page = f.post("/report/follow-up", Map.of("receipt", receipt));
        String once = f.once();
        assertThat(once).as("the reply form carries a one-time token").isNotBlank();
        String reply = "Only once please " + System.nanoTime();
        Map<String, Object> form = new HashMap<>(Map.of("receipt", receipt, "message", reply, "_once", once));
        Response sent = f.post("/report/follow-up/reply", form);
        assertThat(sent.asString()).contains("Your message was sent.");
        // The refresh: the same form again. Nothing new is stored; the page says so calmly.
        Response again = f.post("/report/follow-up/reply", form);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.asString()).contains("This message was already sent").doesNotContain("Your message was sent.");
        assertThat(again.asString().split(java.util.regex.Pattern.quote(reply), -1))
                .hasSize(2);
        long messages = QuarkusTransaction.requiringNew()
                .call(() -> CaseMessage.count(
                        "bodyEnc is not null and caseId = ?1",
                        ReportCase.<ReportCase>find("order by id desc").firstResult().id));
        assertThat(messages).isEqualTo(1);
        assertThat(page.statusCode()).isEqualTo(200);
    }

    @Test
    void wrongAndUnknownReceiptsAnswerExactlyAlike() {
        FormSession s = session();
        String real = receiptOf(s.post("/report", validForm("Something happened")));
        String unknown = real.equals("1111 2222 3333 4444") ? "4444 3333 2222 1111" : "1111 2222 3333 4444";
        FormSession f = new FormSession();
        f.get("/report/follow-up");
        Response a = f.post("/report/follow-up", Map.of("receipt", unknown));
        Response b = f.post("/report/follow-up", Map.of("receipt", "1111 2222 3333 444"));
        assertThat(a.statusCode()).isEqualTo(404).isEqualTo(b.statusCode());
        String norm = "value=\"[^\"]*\"";
        assertThat(a.asString().replaceAll(norm, ""))
                .isEqualTo(b.asString().replaceAll(norm, ""))
                .contains("No report matches this code.");
    }

    @Test
    void followUpAttemptsAreRateLimited() {
        FormSession f = new FormSession();
        f.get("/report/follow-up");
        for (int i = 0; i < 10; i++) {
            assertThat(f.post("/report/follow-up", Map.of("receipt", "0000 0000 0000 000" + i))
                            .statusCode())
                    .isEqualTo(404);
        }
        Response limited = f.post("/report/follow-up", Map.of("receipt", "0000 0000 0000 0000"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.asString()).contains("Too many tries from this connection.");
    }

    @Test
    void honeypotIsRefusedClearlyAndNothingIsStored() {
        long before = count();
        Map<String, Object> form = validForm("Kept text 42");
        form.put("website", "http://spam.example");
        Response r = session().post("/report", form);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains("Please leave the last field empty and send again.")
                .contains("Kept text 42");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void overLongTextIsRefusedWithTheLimitAndKeptNotTruncated() {
        long before = count();
        String longText = "가".repeat(5001);
        Response r = session().post("/report?lang=ko", validForm(longText));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("지금 5001자인데 최대 5000자까지").contains(longText);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void missingFieldsEachGetAMessageAndTheFormComesBackFilledIn() {
        long before = count();
        Map<String, Object> form = new HashMap<>();
        form.put("where", "Instagram, account @fake_account_x");
        Response r = session().post("/report?lang=fr", form);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains("Il y a un problème")
                .contains("Choisis ton établissement.")
                .contains("Choisis ce qui s’est passé.")
                .contains("Choisis qui est concerné.")
                .contains("Indique si quelqu’un est en danger maintenant.")
                .contains("Raconte ce qui s’est passé.")
                .contains("Instagram, account @fake_account_x")
                .contains("href=\"#body\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void missingCsrfTokenBringsTheFormBackFilledInWithAFreshToken() {
        long before = count();
        FormSession s = session();
        String old = s.token();
        Response r = s.postRaw("/report", validForm("Please keep this text"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains("Nothing was lost: check it and send it again.")
                .contains("Please keep this text");
        assertThat(s.token()).isNotEqualTo(old);
        assertThat(count()).isEqualTo(before);
        assertThat(s.post("/report", validForm("Please keep this text")).statusCode())
                .isEqualTo(200);
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aStaleReplyOrLookUpComesBackFilledInAndStoresNothing() {
        String receipt = receiptOf(session().post("/report", validForm("A report to reply to " + System.nanoTime())));
        FormSession f = new FormSession();
        f.get("/report/follow-up");
        String reply = "Kept through a stale form " + System.nanoTime();
        Response stale = f.postRaw("/report/follow-up/reply", Map.of("receipt", receipt, "message", reply));
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(stale.asString())
                .contains("Nothing was lost: check it and send it again.")
                .contains(reply);
        Response lookUp = f.postRaw("/report/follow-up", Map.of("receipt", receipt));
        assertThat(lookUp.statusCode()).isEqualTo(400);
        assertThat(lookUp.asString())
                .contains("class=\"notice\" role=\"alert\"")
                .contains("value=\"" + receipt + "\"");
        Response status = f.post("/report/follow-up", Map.of("receipt", receipt));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.asString()).doesNotContain(reply).contains("No messages yet.");
        // Too long: the limit and the length in the message, the text kept.
        Response tooLong = f.post(
                "/report/follow-up/reply", Map.of("receipt", receipt, "message", "x".repeat(ReportForm.BODY_MAX + 1)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.asString())
                .contains(String.valueOf(ReportForm.BODY_MAX + 1))
                .contains("id=\"message-error\"");
    }

    /**
     * Security audit M2: the limit is per browser, so a school behind one address is many senders; a report
     * about an intimate image, sextortion or danger now is never refused.
     */
    @Test
    void browserLimitSlowsRepeatedSendingButNeverTheReportsThatMatter() {
        FormSession s = session();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> f = validForm("Report number " + i);
            f.put("category", "bullying");
            assertThat(s.post("/report", f).statusCode()).isEqualTo(200);
        }
        long before = count();
        Map<String, Object> bullying = validForm("One too many");
        bullying.put("category", "bullying");
        Response slowed = s.post("/report", bullying);
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.asString())
                .contains("Many reports were sent from this browser")
                .contains("One too many")
                .doesNotContain("answer yes");
        assertThat(count()).isEqualTo(before);

        // Another pupil at the same school (same address, another browser) is not slowed down.
        FormSession classmate = session();
        assertThat(classmate.post("/report", bullying).statusCode()).isEqualTo(200);
        assertThat(count()).isEqualTo(before + 1);

        // The same browser past its limit: an intimate-image report and a "danger now" report are still stored.
        assertThat(s.post("/report", validForm("An image is going round")).statusCode())
                .isEqualTo(200);
        Map<String, Object> danger = validForm("Someone is in danger right now");
        danger.put("category", "bullying");
        danger.put("dangerNow", "yes");
        Response urgent = s.post("/report", danger);
        assertThat(urgent.statusCode()).isEqualTo(200);
        assertThat(urgent.asString()).contains("tel:112");
        assertThat(count()).isEqualTo(before + 3);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() ->
                                ReportCase.<ReportCase>find("order by id desc").firstResult().urgent))
                .isTrue();
    }

    /** Security audit, I-level: a "danger now" report with a stale token or a filled honeypot is stored, not refused. */
    @Test
    void aDangerNowReportIsStoredEvenWithAStaleTokenOrTheHoneypotFilled() {
        long before = count();
        FormSession s = session();
        Map<String, Object> danger = validForm("Danger now, token expired");
        danger.put("dangerNow", "yes");
        danger.put("website", "autofilled");
        Response r = s.postRaw("/report", danger);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aFloodPastTheSchoolsHourlyVolumeIsAcceptedAndFlagged() {
        FormSession s = session();
        List<Boolean> flags = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            resource.sending.clear();
            Map<String, Object> f = validForm("Flood " + i);
            f.put("school", "volume-test");
            assertThat(s.post("/report", f).statusCode()).isEqualTo(200);
        }
        flags.addAll(QuarkusTransaction.requiringNew()
                .call(() -> ReportCase.<ReportCase>list(
                                "schoolId = ?1 order by id",
                                schools.bySlug("volume-test").orElseThrow().id())
                        .stream()
                        .map(c -> c.volumeFlagged)
                        .toList()));
        assertThat(flags.subList(0, 30)).containsOnly(false);
        assertThat(flags.get(flags.size() - 1)).isTrue();
    }

    @Test
    void aWaveOfReportsMailsTheAdministratorsOnceNotOncePerReport() {
        long schoolId = fx.school("en");
        StaffFixtures.Account admin = fx.account(schoolId, true, Role.ADMIN);
        schools.refresh();
        String slug = schools.byId(schoolId).orElseThrow().slug();
        FormSession s = session();
        for (int i = 0; i < 34; i++) {
            resource.sending.clear();
            Map<String, Object> f = validForm("Wave " + i);
            f.put("school", slug);
            assertThat(s.post("/report", f).statusCode()).isEqualTo(200);
        }
        List<String> subjects = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.<OutboxMail>list("recipient = ?1", admin.email()).stream()
                        .map(m -> m.subject())
                        .toList());
        // 4 reports past the threshold of 30 are flagged, and one mail says so.
        assertThat(subjects)
                .filteredOn(t -> t.equals("Haven: unusual number of reports"))
                .hasSize(1);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> ReportCase.count("schoolId = ?1 and volumeFlagged = true", schoolId)))
                .isEqualTo(4);
    }

    @Test
    void perSchoolLinkFixesTheSchool() {
        FormSession s = new FormSession();
        Response form = s.get("/s/report-test/report");
        assertThat(form.asString())
                .contains("This report goes to School report-test.")
                .contains("action=\"/s/report-test/report?lang=en\"");
        Map<String, Object> f = validForm("Via the school link");
        f.remove("school");
        f.put("school", "report-test");
        assertThat(s.post("/s/report-test/report", f).statusCode()).isEqualTo(200);
    }

    @Test
    void privacyPageSaysWhatIsKeptAndWhenStaffMustTellOthers() {
        given().get("/report/privacy?lang=en").then().statusCode(200);
        assertThat(given().get("/report/privacy").asString())
                .contains("What we never keep")
                .contains("staff must tell child protection services or the police");
    }

    private void assertNotInAnyColumn(String plain) throws SQLException {
        try (Connection c = db.getConnection();
                Statement st = c.createStatement()) {
            for (String table : List.of("report_case", "case_message")) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    int cols = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= cols; i++) {
                            String v = rs.getString(i);
                            assertThat(v == null ? "" : v)
                                    .as(table + "." + rs.getMetaData().getColumnName(i))
                                    .doesNotContain(plain);
                        }
                    }
                }
            }
        }
    }
}
