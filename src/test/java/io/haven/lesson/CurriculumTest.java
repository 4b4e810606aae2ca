package io.haven.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.web.Band;
import io.haven.web.Jurisdictions;
import io.haven.web.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped curriculum: the full module plan of CONTENT.md section 4, in three languages, with sound facts. */
class CurriculumTest {

    static final Path CONTENT = Path.of("content");
    static Curriculum curriculum;

    static final Map<String, List<Band>> PLAN = Map.of(
            "my-image-my-choice", List.of(Band.values()),
            "real-or-made-up", List.of(Band.values()),
            "deepfakes-and-consent", List.of(Band.AGES_11_13, Band.AGES_14_18),
            "the-law", List.of(Band.AGES_8_10, Band.AGES_11_13, Band.AGES_14_18),
            "if-it-happens", List.of(Band.values()),
            "sextortion", List.of(Band.AGES_11_13, Band.AGES_14_18),
            "group-chats-and-bystanders", List.of(Band.AGES_8_10, Band.AGES_11_13, Band.AGES_14_18),
            "thinking-before-sharing", List.of(Band.AGES_11_13, Band.AGES_14_18));

    @BeforeAll
    static void load() {
        curriculum = new ContentLoader().load(List.of(CONTENT));
    }

    @Test
    void fullModulePlanInEveryLanguage() {
        assertThat(curriculum.modules())
                .extracting(LessonModule::id)
                .containsExactlyInAnyOrderElementsOf(PLAN.keySet());
        int files = 0;
        for (var e : PLAN.entrySet()) {
            LessonModule m = curriculum.module(e.getKey()).orElseThrow();
            assertThat(m.bands()).as(e.getKey()).containsExactlyElementsOf(e.getValue());
            for (Band b : e.getValue()) {
                for (Language l : Language.values()) {
                    assertThat(m.lessons().get(b)).as(e.getKey() + " " + b.id).containsKey(l);
                    files++;
                }
            }
        }
        assertThat(files).isEqualTo(72);
    }

    @Test
    void everyQuizParsesAndGrades() {
        for (LessonModule m : curriculum.modules()) {
            for (var byLang : m.lessons().values()) {
                for (Lesson l : byLang.values()) {
                    assertThat(l.quiz()).hasSizeBetween(3, 6);
                    Map<String, String> allRight = new HashMap<>();
                    Map<String, String> allWrong = new HashMap<>();
                    for (QuizQuestion q : l.quiz()) {
                        assertThat(q.explanation()).isNotBlank();
                        allRight.put(QuizResult.field(q), String.valueOf(q.answer()));
                        allWrong.put(
                                QuizResult.field(q),
                                String.valueOf((q.answer() + 1) % q.choices().size()));
                    }
                    QuizResult right = QuizResult.grade(l, allRight);
                    assertThat(right.complete()).isTrue();
                    assertThat(right.score()).isEqualTo(l.quiz().size());
                    assertThat(QuizResult.grade(l, allWrong).score()).isZero();
                    assertThat(QuizResult.grade(l, Map.of()).missingCount())
                            .isEqualTo(l.quiz().size());
                }
            }
        }
    }

    @Test
    void lawForEveryJurisdictionWithSourcesAndReviewDates() {
        assertThat(curriculum.law().keySet()).containsExactlyInAnyOrderElementsOf(Jurisdictions.IDS);
        for (LawSheet s : curriculum.law().values()) {
            assertThat(s.facts()).isNotEmpty();
            for (LawFact f : s.facts()) {
                assertThat(f.source()).as(f.id()).startsWith("http");
                assertThat(f.reviewed()).as(f.id()).isBeforeOrEqualTo(LocalDate.now());
                for (Language l : Language.values()) {
                    assertThat(f.offence().texts()).as(f.id() + " offence " + l).containsKey(l);
                    assertThat(f.penalty().texts()).as(f.id() + " penalty " + l).containsKey(l);
                }
            }
        }
    }

    @Test
    void helpForEveryJurisdictionWithEmergencyNumberAndVerifiedDates() {
        assertThat(curriculum.help().keySet()).containsExactlyInAnyOrderElementsOf(Jurisdictions.IDS);
        for (HelpDirectory h : curriculum.help().values()) {
            assertThat(h.emergencyNumber()).matches("[0-9 ]+");
            assertThat(h.entries())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.verified()).isNotNull());
        }
    }

    @Test
    void noLessonFileContainsAPenaltyFigure() throws IOException {
        try (Stream<Path> files = Files.walk(CONTENT.resolve("modules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                assertThat(LessonTextRules.PENALTY.matcher(Files.readString(f)).find())
                        .as(f.toString())
                        .isFalse();
            }
        }
    }

    @Test
    void youngBandsAvoidTheWordsCONTENTmdRulesOutInEveryLanguage() throws IOException {
        Map<Band, List<String>> banned = Map.of(
                Band.AGES_5_7,
                        List.of(
                                "deepfake",
                                "sexual",
                                "nude",
                                "딥페이크",
                                "성적",
                                "누드",
                                "나체",
                                "hypertrucage",
                                "sexuel",
                                "nudité"),
                Band.AGES_8_10, List.of("sexual", "nude", "성적", "누드", "나체", "sexuel", "nudité"));
        for (var e : banned.entrySet()) {
            for (Language l : Language.values()) {
                try (Stream<Path> files = Files.walk(CONTENT.resolve("modules"))) {
                    for (Path f : files.filter(
                                    p -> p.getFileName().toString().equals(e.getKey().id + "." + l.code + ".md"))
                            .toList()) {
                        String text = Files.readString(f).toLowerCase();
                        for (String word : e.getValue()) {
                            assertThat(text).as(f + " uses '" + word + "'").doesNotContain(word);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theLawModuleShowsFactsFromContentLaw() {
        assertThat(curriculum.module("the-law").orElseThrow().showsLaw()).isTrue();
    }

    @Test
    void sexualDeepfakeContentOnlyFromElevenUp() {
        Pattern sexual = Pattern.compile("(?i)sexual|성적|sexuel");
        for (LessonModule m : curriculum.modules()) {
            for (Band young : List.of(Band.AGES_5_7, Band.AGES_8_10)) {
                if (m.hasBand(young)) {
                    m.lessons()
                            .get(young)
                            .values()
                            .forEach(l -> assertThat(sexual.matcher(l.html()).find())
                                    .as(m.id() + " " + young.id + " " + l.language())
                                    .isFalse());
                }
            }
        }
    }

    @Test
    void everyLessonHasItsTeachersGuideInTheSameLanguage() {
        int guides = 0;
        for (LessonModule m : curriculum.modules()) {
            for (var e : m.lessons().entrySet()) {
                for (Language l : e.getValue().keySet()) {
                    assertThat(m.guide(e.getKey(), l))
                            .as(m.id() + " " + e.getKey().id + " " + l)
                            .get()
                            .extracting(TeacherGuide::language)
                            .isEqualTo(l);
                    guides++;
                }
            }
        }
        assertThat(guides).isEqualTo(72);
    }

    @Test
    void everyLanguageHasAGlossary() {
        for (Language l : Language.values()) {
            assertThat(curriculum.glossary().in(l)).as(l.code).isNotEmpty();
        }
    }

    /** Rule A4: the right answer must not be findable by its length (issue 16: it was, in 80 of 86 items). */
    @Test
    void theCorrectChoiceIsTheLongestInAtMostAThirdOfTheItemsOfEachLanguage() {
        var cue = LessonTextRules.quizLengthCue(curriculum.modules());
        assertThat(cue.keySet()).containsExactlyInAnyOrder(Language.values());
        assertThat(LessonTextRules.quizLengthCueProblems(cue)).isEmpty();
    }

    /** Nor by its position: in a file of 3 or more items, no position holds more than half of the answers. */
    @Test
    void noAnswerPositionHoldsMoreThanHalfOfAQuiz() {
        for (LessonModule m : curriculum.modules()) {
            for (var byLang : m.lessons().values()) {
                for (Lesson l : byLang.values()) {
                    Map<Integer, Long> positions = l.quiz().stream()
                            .collect(java.util.stream.Collectors.groupingBy(
                                    QuizQuestion::answer, java.util.stream.Collectors.counting()));
                    long most = positions.values().stream()
                            .mapToLong(Long::longValue)
                            .max()
                            .orElse(0);
                    if (l.quiz().size() > 2) {
                        assertThat(most * 2)
                                .as(m.id() + " " + l.band().id + " " + l.language() + " answers " + positions)
                                .isLessThanOrEqualTo(l.quiz().size());
                    }
                }
            }
        }
    }
}
