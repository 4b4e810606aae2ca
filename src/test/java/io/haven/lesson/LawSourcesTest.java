package io.haven.lesson;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.web.Clock;
import io.haven.web.Language;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The review list of legal facts: every fact with its source and date, stale ones flagged. */
@QuarkusTest
class LawSourcesTest {

    @Inject
    ContentCatalogue content;

    @Inject
    Clock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void listsEveryFactWithSourceAndReviewDate() {
        String html = given().get("/law/sources").then().statusCode(200).extract().asString();
        for (LawSheet s : content.curriculum().law().values()) {
            for (LawFact f : s.facts()) {
                assertThat(html).contains(f.source().replace("&", "&amp;")).contains(f.reviewed().toString());
            }
        }
        assertThat(html).doesNotContain("Due for review");
    }

    @Test
    void factsNotCheckedForTwelveMonthsAreFlagged() {
        clock.advance(Duration.ofDays(400));
        String html = given().get("/law/sources?lang=fr").then().statusCode(200).extract().asString();
        assertThat(html).contains("À revoir").contains("class=\"due\"");
    }

    @Test
    void dueForReviewIsTwelveMonths() {
        LawFact f = content.curriculum().law().get("kr").facts().get(0);
        assertThat(f.dueForReview(f.reviewed().plusMonths(12))).isFalse();
        assertThat(f.dueForReview(f.reviewed().plusMonths(12).plusDays(1))).isTrue();
        assertThat(f.offence().in(Language.KO)).isNotBlank();
        assertThat(LocalDate.now()).isAfterOrEqualTo(f.reviewed());
    }
}
