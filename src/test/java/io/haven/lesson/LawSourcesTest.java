package io.haven.lesson;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.haven.web.Language;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The review list of legal facts and help services is for staff: every fact with its source, status,
 * date and reviewer's note, stale ones flagged. Students see each fact's status in plain words, never
 * the reviewer's note.
 */
@QuarkusTest
class LawSourcesTest {

    @Inject
    ContentCatalogue content;

    @Inject
    Clock clock;

    @Inject
    StaffFixtures staff;

    @AfterEach
    void resetClock() {
        staff.reset();
    }

    private FormSession teacher() {
        return staff.signedIn(staff.account(staff.school("en"), false, Role.TEACHER));
    }

    @Test
    void listsEveryFactWithSourceReviewDateAndNoteForStaff() {
        String html = teacher()
                .get("/staff/law/sources")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (LawSheet s : content.curriculum().law().values()) {
            for (LawFact f : s.facts()) {
                assertThat(html)
                        .contains(f.source().replace("&", "&amp;"))
                        .contains(f.reviewed().toString());
                if (f.note() != null) {
                    assertThat(html).contains(LessonPagesTest.escape(f.note().in(Language.EN)));
                }
            }
        }
        for (HelpDirectory h : content.curriculum().help().values()) {
            h.entries()
                    .forEach(e -> assertThat(html)
                            .contains(LessonPagesTest.escape(e.name().in(Language.EN))));
        }
        assertThat(html).contains("Reviewer&#39;s note").doesNotContain("Due for review");
    }

    @Test
    void theReviewListIsNotForStudents() {
        given().redirects()
                .follow(false)
                .get("/staff/law/sources")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/staff/login"));
        // The old public address leads there too.
        given().redirects()
                .follow(false)
                .get("/law/sources")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/staff/law/sources"));
    }

    @Test
    void studentsSeeEachFactsStatusInPlainWordsAndNoReviewerNote() {
        for (LawSheet s : content.curriculum().law().values()) {
            String html = given().get("/law?jurisdiction=" + s.jurisdiction() + "&lang=en")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            for (LawFact f : s.facts()) {
                String plain = switch (f.status()) {
                    case "verified" -> "Checked against the law itself";
                    case "secondary" -> "Checked against reliable reports";
                    default -> "Still being checked";
                };
                assertThat(html).contains(plain).contains(f.reviewed().toString());
                if (f.note() != null) {
                    assertThat(html)
                            .as(f.id())
                            .doesNotContain(LessonPagesTest.escape(f.note().in(Language.EN)));
                }
            }
            assertThat(html).doesNotContain("/law/sources");
        }
        // Nor in any language, nor on the lesson that shows the law's facts (the-law, 14-18, with its table).
        for (Language l : Language.values()) {
            for (LawSheet s : content.curriculum().law().values()) {
                String law = given().get("/law?jurisdiction=" + s.jurisdiction() + "&lang=" + l.code)
                        .asString();
                String lesson = given().get(
                                "/lessons/the-law?band=14-18&jurisdiction=" + s.jurisdiction() + "&lang=" + l.code)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
                assertThat(lesson).contains("class=\"facts\"");
                for (LawFact f : s.facts()) {
                    if (f.note() != null) {
                        String note = LessonPagesTest.escape(f.note().in(l));
                        assertThat(law).as(f.id() + " " + l).doesNotContain(note);
                        assertThat(lesson).as(f.id() + " " + l).doesNotContain(note);
                    }
                }
            }
        }
        String ko = given().get("/law?jurisdiction=kr&lang=ko").asString();
        assertThat(ko).containsAnyOf("법 조문 자체와 대조해 확인했어요", "믿을 만한 보도와 자료로 확인했어요", "아직 확인하고 있어요");
    }

    @Test
    void factsNotCheckedForTwelveMonthsAreFlagged() {
        clock.advance(Duration.ofDays(400));
        FormSession t = teacher();
        String html = t.get("/staff/law/sources?lang=fr")
                .then()
                .statusCode(200)
                .extract()
                .asString();
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
