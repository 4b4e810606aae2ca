package io.haven.school;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.staff.StaffFixtures;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A school changed on another node: the report pages show its new emergency number at once (read fresh,
 * not from this node's cache), and the cache itself refreshes on a short, documented interval.
 */
@QuarkusTest
class SchoolFreshnessTest {

    @Inject
    StaffFixtures fx;

    @Inject
    SchoolDirectory directory;

    @Test
    void reportPagesShowSafetySettingsChangedOnAnotherNodeAtOnce() {
        long id = fx.school("en");
        directory.refresh();
        String slug = QuarkusTransaction.requiringNew().call(() -> School.<School>findById(id).slug);
        // Another node saves a new number: this node's cache does not know yet.
        QuarkusTransaction.requiringNew().run(() -> {
            School s = School.findById(id);
            s.emergencyNumber = "0800 123 456";
            s.quickExitUrl = "https://www.example.org/fresh-exit";
        });
        assertThat(directory.bySlug(slug).orElseThrow().emergencyNumber()).isNull();

        String form = new FormSession().get("/s/" + slug + "/report").asString();
        assertThat(form).contains("0800 123 456", "https://www.example.org/fresh-exit");
        assertThat(new FormSession().get("/s/" + slug + "/report/follow-up").asString())
                .contains("0800 123 456");
        // And the read brought the cache up to date for every other page of this node.
        assertThat(directory.bySlug(slug).orElseThrow().emergencyNumber()).isEqualTo("0800 123 456");
    }

    @Test
    void theCacheRefreshIntervalIsShortAndConfigured() throws NoSuchMethodException {
        Scheduled s = SchoolDirectory.class.getMethod("refresh").getAnnotation(Scheduled.class);
        assertThat(s.every()).isEqualTo("${haven.schools.refresh-every:10s}");
    }
}
