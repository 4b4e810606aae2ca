package io.haven.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haven.web.Band;
import io.haven.web.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every validation rule of content/: a broken file stops start-up with the file, line and rule named. */
class ContentLoaderTest {

    @TempDir
    Path root;

    static final String MODULE = """
            id: sample
            order: 1
            bands: [11-13]
            tags: [test]
            """;

    static String lesson(String quiz) {
        return """
                ---
                title: Sample
                summary: A sample lesson.
                minutes: 25
                essentialQuestion: Who decides?
                objectives:
                  - One
                  - Two
                vocabulary:
                  - term: Consent
                    definition: Saying yes freely.
                  - term: Share
                    definition: Send to others.
                discussion:
                  - First prompt
                  - Second prompt
                familyNote: Talk about it at home.
                quiz:
                """ + quiz + """
                ---
                ## Scenario
                Mia finds a photo.

                ## What to know
                Ask first.
                """;
    }

    static final String QUIZ = """
              - id: q1
                question: First?
                choices: [a, b]
                answer: 1
                explanation: Because.
              - id: q2
                question: Second?
                choices: [a, b, c]
                answer: 0
                explanation: Because.
              - id: q3
                question: Third?
                choices: ["True", "False"]
                answer: 0
                explanation: Because.
            """;

    static final String LAW = """
            jurisdiction: kr
            name: {en: South Korea, ko: 대한민국}
            summary: {en: Making fake pictures of people to hurt them is against the law.}
            facts:
              - id: kr-test
                act: create
                protects: any
                offence: {en: Creating a sexual deepfake}
                penalty: {en: Up to 7 years}
                statute: {en: Art. 14-2}
                inForce: 2024-10-16
                source: https://www.law.go.kr/
                reviewed: 2026-11-29
                status: secondary
            """;

    static final String GUIDE = """
            ---
            minutes: 45
            timing:
              - minutes: 10
                step: Agree the ground rules.
              - minutes: 35
                step: Read and discuss.
            groundRules:
              - We talk about the characters.
              - We listen.
              - Passing is fine.
            disclosure:
              say:
                - Thank you for telling me.
                - You did the right thing.
              avoid:
                - Do not ask for details.
                - Never view, ask for, copy or forward an image.
              tell: Tell the safeguarding lead the same day.
            prompts:
              - goodAnswers: First.
              - goodAnswers: Second.
            answerKey:
              - id: q1
                wrong:
                  - choice: 0
                    misconception: Thinks a.
              - id: q2
                wrong:
                  - choice: 1
                    misconception: Thinks b.
                  - choice: 2
                    misconception: Thinks c.
              - id: q3
                wrong:
                  - choice: 1
                    misconception: Thinks false.
            differentiation:
              support:
                - Pair up.
                - Read aloud.
              stretch:
                - Research.
                - Debate.
            ---
            Notes for the teacher.
            """;

    @BeforeEach
    void validTree() throws IOException {
        write("modules/sample/guide/11-13.en.md", GUIDE);
        write("glossary/en.yaml", "language: en\nterms:\n  - idea: upstander\n    use: upstander\n");
        write("glossary/ko.yaml", "language: ko\nterms:\n  - idea: sextortion\n    use: 성착취 협박\n    avoid: [섹스토션]\n");
        write(
                "glossary/fr.yaml",
                "language: fr\nterms:\n  - idea: csam\n    use: contenu pédocriminel\n    avoid: [pédopornograph]\n");
        write("modules/sample/module.yaml", MODULE);
        write("modules/sample/11-13.en.md", lesson(QUIZ));
        write("law/kr.yaml", LAW);
        write("help/kr.yaml", """
                jurisdiction: kr
                emergency: {number: "112", name: {en: Police}}
                entries:
                  - id: kr-117
                    kind: helpline
                    ages: any
                    name: {en: School violence line}
                    description: {en: "Free, every day."}
                    phone: "117"
                    verified: 2026-11-29
                    status: secondary
                """);
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Curriculum load() {
        return new ContentLoader().load(List.of(root));
    }

    @Test
    void validTreeLoadsAndRendersMarkdownOnce() {
        Curriculum c = load();
        Lesson l = c.module("sample")
                .orElseThrow()
                .lesson(Band.AGES_11_13, Language.EN)
                .orElseThrow();
        assertThat(l.html()).contains("<h2>Scenario</h2>").contains("<p>Ask first.</p>");
        assertThat(l.quiz()).extracting(QuizQuestion::id).containsExactly("q1", "q2", "q3");
        assertThat(c.law().get("kr").facts()).hasSize(1);
        assertThat(c.help().get("kr").emergencyNumber()).isEqualTo("112");
    }

    @Test
    void badYamlNamesFileAndLine() throws IOException {
        write("modules/sample/module.yaml", "id: sample\norder: [1\nbands: [11-13]\n");
        assertThatThrownBy(this::load)
                .isInstanceOf(ContentException.class)
                .hasMessageStartingWith("content/modules/sample/module.yaml:")
                .hasMessageContaining("invalid YAML");
    }

    @Test
    void badYamlInFrontMatterCountsLinesFromTheFileTop() throws IOException {
        write("modules/sample/11-13.en.md", lesson(QUIZ).replace("minutes: 25", "minutes: [25"));
        assertThatThrownBy(this::load)
                .hasMessageStartingWith("content/modules/sample/11-13.en.md:")
                .hasMessageContaining("invalid YAML");
    }

    @Test
    void unknownBandInModule() throws IOException {
        write("modules/sample/module.yaml", MODULE.replace("[11-13]", "[11-13, 19-21]"));
        assertThatThrownBy(this::load)
                .hasMessage("content/modules/sample/module.yaml:3: unknown band '19-21' (5-7, 8-10, 11-13, 14-18)");
    }

    @Test
    void unknownBandInFileName() throws IOException {
        write("modules/sample/12-15.en.md", lesson(QUIZ));
        assertThatThrownBy(this::load).hasMessageContaining("12-15.en.md").hasMessageContaining("unknown band '12-15'");
    }

    @Test
    void quizWithoutCorrectAnswer() throws IOException {
        write(
                "modules/sample/11-13.en.md",
                lesson(QUIZ.replace(
                        "    answer: 0\n    explanation: Because.\n  - id: q3",
                        "    explanation: Because.\n  - id: q3")));
        assertThatThrownBy(this::load)
                .hasMessageContaining("11-13.en.md:")
                .hasMessageContaining("question q2 has no correct answer");
    }

    @Test
    void answerIndexOutOfRange() throws IOException {
        write("modules/sample/11-13.en.md", lesson(QUIZ.replace("answer: 1", "answer: 2")));
        assertThatThrownBy(this::load)
                .hasMessage("content/modules/sample/11-13.en.md:22: question q1: answer 2 is out of range 0-1");
    }

    @Test
    void lawFactWithoutSource() throws IOException {
        write("law/kr.yaml", LAW.replace("    source: https://www.law.go.kr/\n", ""));
        assertThatThrownBy(this::load)
                .hasMessage(
                        "content/law/kr.yaml:5: fact kr-test has no source: every legal fact names where it can be read");
    }

    @Test
    void moduleReferencingMissingFile() throws IOException {
        write("modules/sample/module.yaml", MODULE.replace("[11-13]", "[11-13, 14-18]"));
        assertThatThrownBy(this::load)
                .hasMessage(
                        "content/modules/sample/module.yaml: band 14-18 is listed but the file 14-18.en.md is missing");
    }

    @Test
    void penaltyFigureInALesson() throws IOException {
        write("modules/sample/11-13.en.md", lesson(QUIZ).replace("Ask first.", "You can get 7 years in prison."));
        assertThatThrownBy(this::load).hasMessageContaining("penalty figure '7 years'");
    }

    @Test
    void thePackagedContentsWordingIsLeftToTheBuildButALocalFolderGetsEveryRule(@TempDir Path local)
            throws IOException {
        write("modules/sample/11-13.en.md", lesson(QUIZ).replace("Ask first.", "You can get 7 years in prison."));
        // The packaged root (here: root) is loaded without its wording rules, its structure still checked.
        Curriculum c = new ContentLoader().skipWordingRulesOf(root).load(List.of(root));
        assertThat(c.module("sample")
                        .orElseThrow()
                        .lesson(Band.AGES_11_13, Language.EN)
                        .orElseThrow()
                        .html())
                .contains("You can get 7 years in prison.");
        write("modules/sample/11-13.en.md", lesson(QUIZ).replace("minutes: 25", "minutes: 99"));
        assertThatThrownBy(() -> new ContentLoader().skipWordingRulesOf(root).load(List.of(root)))
                .hasMessageContaining("minutes 99 outside band");

        // A local folder's lesson gets every rule, whatever the packaged root gets.
        write("modules/sample/11-13.en.md", lesson(QUIZ));
        Path m = local.resolve("modules/sample");
        Files.createDirectories(m.resolve("guide"));
        Files.writeString(m.resolve("module.yaml"), MODULE);
        Files.writeString(
                m.resolve("11-13.en.md"), lesson(QUIZ).replace("Ask first.", "You can get 5 years in prison."));
        Files.writeString(m.resolve("guide/11-13.en.md"), GUIDE);
        assertThatThrownBy(() -> new ContentLoader().skipWordingRulesOf(root).load(List.of(root, local)))
                .hasMessageContaining("penalty figure '5 years'");
    }

    @Test
    void youngBandMustNotUseSexualWords() throws IOException {
        write("modules/sample/module.yaml", MODULE.replace("[11-13]", "[5-7]"));
        Files.delete(root.resolve("modules/sample/11-13.en.md"));
        Files.move(root.resolve("modules/sample/guide/11-13.en.md"), root.resolve("modules/sample/guide/5-7.en.md"));
        write(
                "modules/sample/5-7.en.md",
                lesson(QUIZ).replace("minutes: 25", "minutes: 15").replace("Ask first.", "A deepfake is fake."));
        assertThatThrownBy(this::load)
                .hasMessageContaining("5-7.en.md:")
                .hasMessageContaining("the word 'deepfake' is not used in band 5-7");
    }

    @Test
    void youngBandSentencesAreShort() throws IOException {
        write("modules/sample/module.yaml", MODULE.replace("[11-13]", "[8-10]"));
        Files.delete(root.resolve("modules/sample/11-13.en.md"));
        Files.move(root.resolve("modules/sample/guide/11-13.en.md"), root.resolve("modules/sample/guide/8-10.en.md"));
        write(
                "modules/sample/8-10.en.md",
                lesson(QUIZ)
                        .replace(
                                "Ask first.",
                                "Before you ever share any photo of a friend with anyone at all you should always stop and ask them kindly first."));
        assertThatThrownBy(this::load).hasMessageContaining("sentence of 22 words; band 8-10 allows 18");
    }

    @Test
    void minutesOutsideTheBandRange() throws IOException {
        write("modules/sample/11-13.en.md", lesson(QUIZ).replace("minutes: 25", "minutes: 90"));
        assertThatThrownBy(this::load)
                .hasMessage("content/modules/sample/11-13.en.md:4: minutes 90 outside band 11-13's range 20-45");
    }

    @Test
    void quizIdsMustMatchAcrossLanguages() throws IOException {
        write("modules/sample/11-13.ko.md", lesson(QUIZ.replace("id: q3", "id: q9")));
        write("modules/sample/guide/11-13.ko.md", GUIDE.replace("id: q3", "id: q9"));
        assertThatThrownBy(this::load)
                .hasMessageContaining("11-13.ko.md")
                .hasMessageContaining("differ from the English ones");
    }

    static final String PICTURE =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"#14532d\"/></svg>\n";

    static String withPictures(String lesson, String... alts) {
        StringBuilder list = new StringBuilder("pictures:\n");
        for (String a : alts) {
            list.append("  - ").append(a).append('\n');
        }
        return lesson.replace("familyNote: Talk about it at home.\n", "familyNote: Talk about it at home.\n" + list);
    }

    @Test
    void storyPicturesGoInlineAfterTheStoryWithTheirAltText() throws IOException {
        write("modules/sample/pictures/11-13/1.svg", PICTURE);
        write("modules/sample/11-13.en.md", withPictures(lesson(QUIZ), "A green ball"));
        Lesson l = load().module("sample")
                .orElseThrow()
                .lesson(Band.AGES_11_13, Language.EN)
                .orElseThrow();
        assertThat(l.html())
                .contains(
                        "<p>Mia finds a photo.</p>\n<figure class=\"story-picture\"><svg role=\"img\" aria-label=\"A green ball\""
                                + " xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">");
    }

    @Test
    void aStoryPictureWithScriptOrALinkIsRefused() throws IOException {
        write("modules/sample/11-13.en.md", withPictures(lesson(QUIZ), "A green ball"));
        write("modules/sample/pictures/11-13/1.svg", PICTURE.replace("<circle", "<script>alert(1)</script><circle"));
        assertThatThrownBy(this::load).hasMessageContaining("1.svg").hasMessageContaining("no script");
        write("modules/sample/pictures/11-13/1.svg", PICTURE.replace("<circle", "<circle onclick=\"x()\""));
        assertThatThrownBy(this::load).hasMessageContaining("no script");
        write(
                "modules/sample/pictures/11-13/1.svg",
                PICTURE.replace("<circle", "<a href=\"https://example.org\"><circle")
                        .replace("</svg>", "</a></svg>"));
        assertThatThrownBy(this::load).hasMessageContaining("no script");
    }

    @Test
    void everyStoryPictureNeedsItsAltText() throws IOException {
        write("modules/sample/pictures/11-13/1.svg", PICTURE);
        assertThatThrownBy(this::load).hasMessageContaining("one alt text per story picture");
        write("modules/sample/pictures/11-13/2.svg", PICTURE);
        write("modules/sample/11-13.en.md", withPictures(lesson(QUIZ), "One", "Two"));
        // Two pictures but a story of one paragraph.
        assertThatThrownBy(this::load).hasMessageContaining("only 1 paragraphs");
    }

    @Test
    void rawHtmlIsRefused() throws IOException {
        write("modules/sample/11-13.en.md", lesson(QUIZ).replace("Ask first.", "<script>alert(1)</script>"));
        assertThatThrownBy(this::load).hasMessageContaining("raw HTML is not allowed");
    }

    @Test
    void helpEntryNeedsAWayToReachIt() throws IOException {
        write("help/kr.yaml", """
                jurisdiction: kr
                emergency: {number: "112", name: {en: Police}}
                entries:
                  - id: kr-x
                    kind: helpline
                    ages: any
                    name: {en: X}
                    description: {en: Y}
                    verified: 2026-11-29
                    status: verified
                """);
        assertThatThrownBy(this::load)
                .hasMessage("content/help/kr.yaml:4: help entry kr-x needs a phone number or a web address");
    }

    @Test
    void laterRootOverridesAModule(@TempDir Path local) throws IOException {
        Path m = local.resolve("modules/sample");
        Files.createDirectories(m);
        Files.writeString(m.resolve("module.yaml"), MODULE);
        Files.writeString(m.resolve("11-13.en.md"), lesson(QUIZ).replace("title: Sample", "title: Our own version"));
        Files.createDirectories(m.resolve("guide"));
        Files.writeString(m.resolve("guide/11-13.en.md"), GUIDE);
        Curriculum c = new ContentLoader().load(List.of(root, local));
        assertThat(c.module("sample")
                        .orElseThrow()
                        .lesson(Band.AGES_11_13, Language.EN)
                        .orElseThrow()
                        .title())
                .isEqualTo("Our own version");
    }

    // --- teacher's guides (content/README.md, "Teacher's guides") ---

    @Test
    void aGuideLoadsBesideItsLesson() {
        TeacherGuide g = load().module("sample")
                .orElseThrow()
                .guide(Band.AGES_11_13, Language.EN)
                .orElseThrow();
        assertThat(g.minutes()).isEqualTo(45);
        assertThat(g.timing()).extracting(TeacherGuide.Step::minutes).containsExactly(10, 35);
        assertThat(g.answerKey().get(1).forChoice(2).orElseThrow().misconception())
                .isEqualTo("Thinks c.");
        assertThat(g.html()).contains("<p>Notes for the teacher.</p>");
    }

    @Test
    void everyLessonNeedsItsGuide() throws IOException {
        Files.delete(root.resolve("modules/sample/guide/11-13.en.md"));
        assertThatThrownBy(this::load)
                .hasMessage("content/modules/sample/guide/11-13.en.md: missing: every lesson needs a "
                        + "teacher's guide in the same band and language");
    }

    @Test
    void aGuideWithoutItsLessonIsRefused() throws IOException {
        write("modules/sample/guide/11-13.fr.md", GUIDE);
        assertThatThrownBy(this::load)
                .hasMessageContaining("guide/11-13.fr.md")
                .hasMessageContaining("a guide for a lesson that does not exist");
    }

    @Test
    void guideTimingAddsUpToItsMinutes() throws IOException {
        write("modules/sample/guide/11-13.en.md", GUIDE.replace("minutes: 35", "minutes: 30"));
        assertThatThrownBy(this::load)
                .hasMessage(
                        "content/modules/sample/guide/11-13.en.md:4: the timing steps add up to 40 minutes, not 45");
    }

    @Test
    void guidePlansFortyToFiftyMinutes() throws IOException {
        write(
                "modules/sample/guide/11-13.en.md",
                GUIDE.replace("minutes: 45", "minutes: 55").replace("minutes: 35", "minutes: 45"));
        assertThatThrownBy(this::load)
                .hasMessage(
                        "content/modules/sample/guide/11-13.en.md:2: a guide plans a lesson of 40 to 50 minutes, not 55");
    }

    @Test
    void guideHasOnePromptEntryPerDiscussionPrompt() throws IOException {
        write("modules/sample/guide/11-13.en.md", GUIDE.replace("  - goodAnswers: Second.\n", ""));
        assertThatThrownBy(this::load)
                .hasMessageContaining("guide/11-13.en.md:")
                .hasMessageContaining("1 prompts, but the lesson has 2");
    }

    @Test
    void answerKeyIdsFollowTheQuiz() throws IOException {
        write("modules/sample/guide/11-13.en.md", GUIDE.replace("id: q3", "id: q4"));
        assertThatThrownBy(this::load)
                .hasMessageContaining("answer key ids [q1, q2, q4] differ from the lesson's quiz ids [q1, q2, q3]");
    }

    @Test
    void answerKeyCoversEveryWrongChoiceOnceAndNeverTheCorrectOne() throws IOException {
        write(
                "modules/sample/guide/11-13.en.md",
                GUIDE.replace("      - choice: 2\n        misconception: Thinks c.\n", ""));
        assertThatThrownBy(this::load)
                .hasMessageStartingWith(
                        "content/modules/sample/guide/11-13.en.md:28: question q2: the wrong choices are [1, 2]");
        write(
                "modules/sample/guide/11-13.en.md",
                GUIDE.replace(
                        "      - choice: 0\n        misconception: Thinks a.",
                        "      - choice: 1\n        misconception: Thinks a."));
        assertThatThrownBy(this::load)
                .hasMessageContaining(
                        "question q1: the wrong choices are [0] (0-based; the correct one is 1); the key covers [1]");
    }

    @Test
    void guideDisclosureAndDifferentiationHaveTheirCounts() throws IOException {
        write("modules/sample/guide/11-13.en.md", GUIDE.replace("    - You did the right thing.\n", ""));
        assertThatThrownBy(this::load)
                .hasMessage("content/modules/sample/guide/11-13.en.md:14: 'say' has 2 to 4 items, not 1");
        write("modules/sample/guide/11-13.en.md", GUIDE.replace("    - Debate.\n", ""));
        assertThatThrownBy(this::load).hasMessageContaining("'stretch' has 2 to 3 items, not 1");
    }

    @Test
    void aGuideFitsOnTwoPages() throws IOException {
        write("modules/sample/guide/11-13.en.md", GUIDE + "word ".repeat(900));
        assertThatThrownBy(this::load)
                .hasMessageContaining("words: a guide has at most 900 so that it prints on two A4 pages");
    }

    @Test
    void aGuideHasNoPenaltyFigure() throws IOException {
        write("modules/sample/guide/11-13.en.md", GUIDE.replace("Research.", "Research why it is 5 years."));
        assertThatThrownBy(this::load)
                .hasMessageContaining("guide/11-13.en.md:")
                .hasMessageContaining("penalty figure '5 years'");
    }

    // --- rule A1: no "knowingly" for Korea's possession and viewing offence ---

    @Test
    void knowinglyNearKoreaIsRefusedInALesson() throws IOException {
        write(
                "modules/sample/11-13.en.md",
                lesson(QUIZ)
                        .replace(
                                "Ask first.",
                                "Ask first.\n\nIn Korea it is a crime to knowingly watch a sexual deepfake."));
        assertThatThrownBy(this::load)
                .hasMessage(
                        "content/modules/sample/11-13.en.md:41: 'knowingly' in a sentence about Korea: "
                                + "Korea's possession and viewing offence has no 'knowingly' (rule A1): 'In Korea it is a crime to knowingly watch a sexual deepfake.'");
    }

    @Test
    void knowinglyNearKoreaIsRefusedInAGuideInFrenchAndKorean() throws IOException {
        write(
                "modules/sample/guide/11-13.en.md",
                GUIDE.replace("Pair up.", "En Corée, détenir sciemment une telle image est un délit."));
        assertThatThrownBy(this::load)
                .hasMessageContaining("guide/11-13.en.md:40: 'sciemment' in a sentence about Korea");
        write("modules/sample/guide/11-13.en.md", GUIDE.replace("Research.", "한국에서는 알면서 보는 것도 범죄입니다."));
        assertThatThrownBy(this::load).hasMessageContaining("'알면서' in a sentence about Korea");
    }

    @Test
    void knowinglyAwayFromKoreaIsFine() throws IOException {
        write(
                "modules/sample/11-13.en.md",
                lesson(QUIZ)
                        .replace(
                                "Ask first.",
                                "Ask first. Korea's law covers viewing too.\n\nIn the US, the law says knowingly publishing is a crime."));
        assertThat(load().module("sample")).isPresent();
    }

    @Test
    void koreasPossessionFactHasNoKnowingly() throws IOException {
        write(
                "law/kr.yaml",
                LAW.replace("act: create", "act: possess")
                        .replace(
                                "offence: {en: Creating a sexual deepfake}",
                                "offence: {en: Possessing a sexual deepfake, ko: 알면서 소지하는 행위}"));
        assertThatThrownBy(this::load)
                .hasMessage("content/law/kr.yaml:8: fact kr-test: '알면서' in Korea's possess offence, "
                        + "which has no 'knowingly' (rule A1)");
    }

    // --- rule A2: no phone numbers in lessons and guides ---

    @Test
    void phoneNumbersAreRefused() throws IOException {
        for (String phone : List.of(
                "Call 0800 1111 for help.",
                "Ring 02-735-8994 today.",
                "Dial 13 11 14.",
                "Text #1388 now.",
                "Appelle le 17 tout de suite.",
                "Call them on 17.",
                "The 3018 line helps.")) {
            write("modules/sample/11-13.en.md", lesson(QUIZ).replace("Ask first.", phone));
            assertThatThrownBy(this::load)
                    .as(phone)
                    .hasMessageStartingWith("content/modules/sample/11-13.en.md:")
                    .hasMessageContaining("looks like a phone number (rule A2)");
        }
        write("modules/sample/11-13.en.md", lesson(QUIZ));
        write(
                "modules/sample/guide/11-13.en.md",
                GUIDE.replace(
                        "Tell the safeguarding lead the same day.", "Tell the safeguarding lead, or call 116 111."));
        assertThatThrownBy(this::load)
                .hasMessageStartingWith("content/modules/sample/guide/11-13.en.md:19:")
                .hasMessageContaining("'116 111' looks like a phone number");
    }

    @Test
    void agesYearsAndStatutesAreNotPhoneNumbers() throws IOException {
        write(
                "modules/sample/11-13.en.md",
                lesson(QUIZ)
                        .replace(
                                "Ask first.",
                                "Ask first. In 2024 the law changed. It is for ages 11-13 and a 13-year-old. See art. 227-23 and [help](/help)."));
        assertThat(load().module("sample")).isPresent();
    }

    // --- rule A3: one term per idea ---

    @Test
    void glossaryVariantsAreRefusedInTheirLanguage() throws IOException {
        write("modules/sample/11-13.ko.md", lesson(QUIZ).replace("Ask first.", "섹스토션은 범죄예요."));
        write("modules/sample/guide/11-13.ko.md", GUIDE);
        assertThatThrownBy(this::load)
                .hasMessage("content/modules/sample/11-13.ko.md:39: '섹스토션': the glossary's term for "
                        + "sextortion is '성착취 협박' (rule A3)");
        write("modules/sample/11-13.ko.md", lesson(QUIZ));
        write(
                "modules/sample/guide/11-13.fr.md",
                GUIDE.replace("Research.", "Le contenu pédopornographique est interdit."));
        write("modules/sample/11-13.fr.md", lesson(QUIZ));
        assertThatThrownBy(this::load)
                .hasMessageContaining("guide/11-13.fr.md:")
                .hasMessageContaining("'pédopornograph'");
    }

    @Test
    void everyLanguageHasAGlossary() throws IOException {
        Files.delete(root.resolve("glossary/fr.yaml"));
        assertThatThrownBy(this::load).hasMessage("content/glossary/fr.yaml: missing: every language has a glossary");
        write("glossary/fr.yaml", "language: ko\nterms: []\n");
        assertThatThrownBy(this::load)
                .hasMessage("content/glossary/fr.yaml:1: language 'ko' differs from the file name");
    }

    // --- help entries: ages, status ---

    @Test
    void helpAgesAreAnyAdultOrARangeAndUnder18StillReads() throws IOException {
        String entry = """
                  - id: kr-%s
                    kind: helpline
                    ages: %s
                    name: {en: X}
                    description: {en: Y}
                    phone: "1388"
                    verified: 2026-12-04
                    status: verified
                """;
        write(
                "help/kr.yaml",
                "jurisdiction: kr\nemergency: {number: \"112\", name: {en: Police}}\nentries:\n"
                        + entry.formatted("a", "\"9-24\"") + entry.formatted("b", "under-18")
                        + entry.formatted("c", "adult")
                        + entry.formatted("d", "any"));
        List<HelpEntry> e = load().help().get("kr").entries();
        assertThat(e).extracting(HelpEntry::minAge).containsExactly(9, 0, 18, 0);
        assertThat(e).extracting(HelpEntry::maxAge).containsExactly(24, 17, HelpEntry.NO_LIMIT, HelpEntry.NO_LIMIT);
        HelpDirectory young = load().help().get("kr").forBand(java.util.Optional.of(Band.AGES_5_7));
        assertThat(young.entries()).extracting(HelpEntry::id).containsExactly("kr-b", "kr-d");
        HelpDirectory older = load().help().get("kr").forBand(java.util.Optional.of(Band.AGES_14_18));
        assertThat(older.entries()).extracting(HelpEntry::id).containsExactly("kr-a", "kr-b", "kr-c", "kr-d");
        write(
                "help/kr.yaml",
                "jurisdiction: kr\nemergency: {number: \"112\", name: {en: Police}}\nentries:\n"
                        + entry.formatted("a", "teens"));
        assertThatThrownBy(this::load)
                .hasMessage(
                        "content/help/kr.yaml:6: help entry kr-a: 'ages' must be any, adult or a range like \"0-17\"");
    }

    @Test
    void helpEntriesSayHowTheyWereChecked() throws IOException {
        String file = "jurisdiction: kr\nemergency: {number: \"112\", name: {en: Police}}\nentries:\n"
                + "  - id: kr-x\n    kind: helpline\n    ages: any\n    name: {en: X}\n    description: {en: Y}\n"
                + "    url: https://example.org/\n    verified: 2026-12-04\n";
        write("help/kr.yaml", file);
        assertThatThrownBy(this::load)
                .hasMessage(
                        "content/help/kr.yaml:4: help entry kr-x has no status (verified, secondary or needs-review)");
        write("help/kr.yaml", file + "    status: needs-review\n");
        assertThatThrownBy(this::load)
                .hasMessage("content/help/kr.yaml:4: help entry kr-x needs review: say what must be checked in 'note'");
        write("help/kr.yaml", file + "    status: needs-review\n    note: {en: Check the hours.}\n");
        assertThat(load().help().get("kr").entries().get(0).note().in(Language.EN))
                .isEqualTo("Check the hours.");
    }

    // --- rule A4: the quiz length cue ---

    @Test
    void quizLengthCueCountsItemsWhoseCorrectChoiceIsStrictlyTheLongest() throws IOException {
        write("modules/sample/11-13.en.md", lesson("""
                  - id: q1
                    question: First?
                    choices: [a, the long right one, b]
                    answer: 1
                    explanation: Because.
                  - id: q2
                    question: Second?
                    choices: [the long right one, a, b]
                    answer: 0
                    explanation: Because.
                  - id: q3
                    question: Third?
                    choices: [a much longer wrong one, right, b]
                    answer: 1
                    explanation: Because.
                  - id: q4
                    question: Two choices do not count.
                    choices: [right and long, no]
                    answer: 0
                    explanation: Because.
                """));
        write("modules/sample/guide/11-13.en.md", GUIDE.replace("""
                  - id: q1
                    wrong:
                      - choice: 0
                        misconception: Thinks a.
                  - id: q2
                    wrong:
                      - choice: 1
                        misconception: Thinks b.
                      - choice: 2
                        misconception: Thinks c.
                  - id: q3
                    wrong:
                      - choice: 1
                        misconception: Thinks false.
                """, """
                  - id: q1
                    wrong:
                      - {choice: 0, misconception: A.}
                      - {choice: 2, misconception: B.}
                  - id: q2
                    wrong:
                      - {choice: 1, misconception: A.}
                      - {choice: 2, misconception: B.}
                  - id: q3
                    wrong:
                      - {choice: 0, misconception: A.}
                      - {choice: 2, misconception: B.}
                  - id: q4
                    wrong:
                      - {choice: 1, misconception: A.}
                """));
        var cue = LessonTextRules.quizLengthCue(load().modules());
        assertThat(cue.get(Language.EN)).containsExactly(2, 3);
        assertThat(LessonTextRules.quizLengthCueProblems(cue))
                .containsExactly("en: the correct choice is strictly the longest "
                        + "in 2 of 3 quiz items with 3 or more choices; at most a third may be (rule A4)");
    }
}
