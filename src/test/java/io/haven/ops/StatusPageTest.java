package io.haven.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.jobs.JobLease;
import io.haven.notify.MailOutbox;
import io.haven.notify.OutboxMail;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The administrators' status page, in their scope, and the same figures on the management port. */
@QuarkusTest
class StatusPageTest {

    @Inject
    StaffFixtures fx;

    @Inject
    MailOutbox outbox;

    @Inject
    JobLease lease;

    @Inject
    StatusGauges gauges;

    @Inject
    Clock clock;

    @TestHTTPResource(value = "/q/metrics", management = true)
    URL metrics;

    @AfterEach
    void tearDown() {
        fx.reset();
    }

    @Test
    void aSchoolAdministratorSeesTheirSchoolsMailJobsKeysAndUnsafeSettings() {
        long school = fx.school("en");
        StaffFixtures.Account admin = fx.account(school, true, Role.ADMIN);
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.queue(admin.email(), "one", "body");
            OutboxMail failed = outbox.queue(admin.email(), "two", "body");
            failed.attempts = 12;
            failed.failedAt = Instant.now();
            outbox.queue("someone-else-" + school + "@elsewhere.test", "not theirs", "body");
        });
        lease.acquire("status-test-job", Duration.ofSeconds(30));

        FormSession a = fx.signedIn(admin);
        assertThat(a.get("/staff").asString()).contains("href=\"/staff/admin/status?school=" + school + "\"");
        Response page = a.get("/staff/admin/status?school=" + school);
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString().replaceAll("\\s+", " ");
        assertThat(html)
                .contains(
                        "Test School",
                        "Waiting to be sent</dt><dd>1</dd>",
                        "Given up after repeated failures</dt><dd>1</dd>",
                        // The test profile leaves both at their unsafe defaults.
                        "is still http://localhost:8080, so every link in every mail points there",
                        "Secure cookies are off",
                        "<code>status-test-job</code>",
                        "(this node)",
                        "<code>k1</code>",
                        "encrypts new values",
                        "Database migration level");
        assertThat(html).doesNotContain("someone-else");

        // A teacher has no status page.
        assertThat(fx.signedIn(fx.account(school, false, Role.TEACHER))
                        .get("/staff/admin/status?school=" + school)
                        .statusCode())
                .isEqualTo(404);
        // Another school's administrator cannot see this school's.
        long other = fx.school("en");
        assertThat(fx.signedIn(fx.account(other, true, Role.ADMIN))
                        .get("/staff/admin/status?school=" + school)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void contentNotCheckedForAYearIsDueForReview() {
        long school = fx.school("en");
        FormSession a = fx.signedIn(fx.account(school, true, Role.ADMIN));
        assertThat(a.get("/staff/admin/status?school=" + school).asString())
                .contains("checked within the last 12 months");
        clock.advance(Duration.ofDays(400));
        // The test school is in France: its facts are listed, Korea's are not.
        String html = fx.signedIn(fx.account(school, true, Role.ADMIN))
                .get("/staff/admin/status?school=" + school)
                .asString();
        assertThat(html)
                .contains("last checked more than 12 months ago", "<td>fr</td>")
                .doesNotContain("<td>kr</td>");
    }

    @Test
    void aDistrictAdministratorSeesEverySchoolAndTheGaugesMatch() {
        FormSession d = fx.signedIn(fx.account(null, true, Role.DISTRICT_ADMIN));
        Response page = d.get("/staff/admin/status");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("across all schools");

        gauges.refresh();
        // The management port's metrics path (the resource's own path may carry the management root twice).
        String scraped = given().get(
                        metrics.getProtocol() + "://" + metrics.getHost() + ":" + metrics.getPort() + "/q/metrics")
                .asString();
        assertThat(scraped)
                .contains(
                        "haven_outbox_waiting",
                        "haven_outbox_failed",
                        "haven_settings_unsafe 2.0",
                        "haven_crypto_values{current=\"true\",key=\"k1\"}",
                        "haven_schema_version",
                        "haven_content_due_for_review");
    }

    /** Counting reads every encrypted column: done again only after haven.status.keys-every (1 h), not per refresh. */
    @Test
    void theValuesUnderEachKeyAreNotCountedAgainAtEveryRefresh() {
        gauges.refresh();
        double before = cryptoValues();
        long school = fx.school("en");
        String slug = QuarkusTransaction.requiringNew()
                .call(() -> io.haven.school.School.<io.haven.school.School>findById(school).slug);
        FormSession student = new FormSession();
        student.get("/report");
        Response sent = student.post(
                "/report",
                java.util.Map.of(
                        "school", slug,
                        "category", "bullying",
                        "affected", "me",
                        "body", "Someone keeps posting edited pictures of me.",
                        "dangerNow", "no"));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.asString()).contains("class=\"receipt\"");

        gauges.refresh();
        // The new report's encrypted text is not in the gauge until the count is an hour old.
        assertThat(cryptoValues()).isEqualTo(before);
    }

    private double cryptoValues() {
        String scraped = given().get(
                        metrics.getProtocol() + "://" + metrics.getHost() + ":" + metrics.getPort() + "/q/metrics")
                .asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "haven_crypto_values\\{current=\"true\",key=\"k1\"\\} ([0-9.E]+)")
                .matcher(scraped);
        assertThat(m.find()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
