package io.haven.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @BeforeEach
    void validTree() throws IOException {
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
        Lesson l = c.module("sample").orElseThrow().lesson(Band.AGES_11_13, Language.EN).orElseThrow();
        assertThat(l.html()).contains("<h2>Scenario</h2>").contains("<p>Ask first.</p>");
        assertThat(l.quiz()).extracting(QuizQuestion::id).containsExactly("q1", "q2", "q3");
        assertThat(c.law().get("kr").facts()).hasSize(1);
        assertThat(c.help().get("kr").emergencyNumber()).isEqualTo("112");
    }

    @Test
    void badYamlNamesFileAndLine() throws IOException {
        write("modules/sample/module.yaml", "id: sample\norder: [1\nbands: [11-13]\n");
        assertThatThrownBy(this::load).isInstanceOf(ContentException.class)
                .hasMessageStartingWith("content/modules/sample/module.yaml:").hasMessageContaining("invalid YAML");
    }

    @Test
    void badYamlInFrontMatterCountsLinesFromTheFileTop() throws IOException {
        write("modules/sample/11-13.en.md", lesson(QUIZ).replace("minutes: 25", "minutes: [25"));
        assertThatThrownBy(this::load).hasMessageStartingWith("content/modules/sample/11-13.en.md:")
                .hasMessageContaining("invalid YAML");
    }

    @Test
    void unknownBandInModule() throws IOException {
        write("modules/sample/module.yaml", MODULE.replace("[11-13]", "[11-13, 19-21]"));
        assertThatThrownBy(this::load).hasMessage("content/modules/sample/module.yaml:3: unknown band '19-21' (5-7, 8-10, 11-13, 14-18)");
    }

    @Test
    void unknownBandInFileName() throws IOException {
        write("modules/sample/12-15.en.md", lesson(QUIZ));
        assertThatThrownBy(this::load).hasMessageContaining("12-15.en.md").hasMessageContaining("unknown band '12-15'");
    }

    @Test
    void quizWithoutCorrectAnswer() throws IOException {
        write("modules/sample/11-13.en.md", lesson(QUIZ.replace("    answer: 0\n    explanation: Because.\n  - id: q3",
                "    explanation: Because.\n  - id: q3")));
        assertThatThrownBy(this::load).hasMessageContaining("11-13.en.md:")
                .hasMessageContaining("question q2 has no correct answer");
    }

    @Test
    void answerIndexOutOfRange() throws IOException {
        write("modules/sample/11-13.en.md", lesson(QUIZ.replace("answer: 1", "answer: 2")));
        assertThatThrownBy(this::load).hasMessage("content/modules/sample/11-13.en.md:22: question q1: answer 2 is out of range 0-1");
    }

    @Test
    void lawFactWithoutSource() throws IOException {
        write("law/kr.yaml", LAW.replace("    source: https://www.law.go.kr/\n", ""));
        assertThatThrownBy(this::load).hasMessage("content/law/kr.yaml:5: fact kr-test has no source: every legal fact names where it can be read");
    }

    @Test
    void moduleReferencingMissingFile() throws IOException {
        write("modules/sample/module.yaml", MODULE.replace("[11-13]", "[11-13, 14-18]"));
        assertThatThrownBy(this::load).hasMessage("content/modules/sample/module.yaml: band 14-18 is listed but the file 14-18.en.md is missing");
    }

    @Test
    void penaltyFigureInALesson() throws IOException {
        write("modules/sample/11-13.en.md", lesson(QUIZ).replace("Ask first.", "You can get 7 years in prison."));
        assertThatThrownBy(this::load).hasMessageContaining("penalty figure '7 years'");
    }

    @Test
    void youngBandMustNotUseSexualWords() throws IOException {
        write("modules/sample/module.yaml", MODULE.replace("[11-13]", "[5-7]"));
        Files.delete(root.resolve("modules/sample/11-13.en.md"));
        write("modules/sample/5-7.en.md", lesson(QUIZ).replace("minutes: 25", "minutes: 15").replace("Ask first.", "A deepfake is fake."));
        assertThatThrownBy(this::load).hasMessageContaining("5-7.en.md:").hasMessageContaining("the word 'deepfake' is not used in band 5-7");
    }

    @Test
    void youngBandSentencesAreShort() throws IOException {
        write("modules/sample/module.yaml", MODULE.replace("[11-13]", "[8-10]"));
        Files.delete(root.resolve("modules/sample/11-13.en.md"));
        write("modules/sample/8-10.en.md", lesson(QUIZ).replace("Ask first.",
                "Before you ever share any photo of a friend with anyone at all you should always stop and ask them kindly first."));
        assertThatThrownBy(this::load).hasMessageContaining("sentence of 22 words; band 8-10 allows 18");
    }

    @Test
    void minutesOutsideTheBandRange() throws IOException {
        write("modules/sample/11-13.en.md", lesson(QUIZ).replace("minutes: 25", "minutes: 90"));
        assertThatThrownBy(this::load).hasMessage("content/modules/sample/11-13.en.md:4: minutes 90 outside band 11-13's range 20-45");
    }

    @Test
    void quizIdsMustMatchAcrossLanguages() throws IOException {
        write("modules/sample/11-13.ko.md", lesson(QUIZ.replace("id: q3", "id: q9")));
        assertThatThrownBy(this::load).hasMessageContaining("11-13.ko.md").hasMessageContaining("differ from the English ones");
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
                """);
        assertThatThrownBy(this::load).hasMessage("content/help/kr.yaml:4: help entry kr-x needs a phone number or a web address");
    }

    @Test
    void laterRootOverridesAModule(@TempDir Path local) throws IOException {
        Path m = local.resolve("modules/sample");
        Files.createDirectories(m);
        Files.writeString(m.resolve("module.yaml"), MODULE);
        Files.writeString(m.resolve("11-13.en.md"), lesson(QUIZ).replace("title: Sample", "title: Our own version"));
        Curriculum c = new ContentLoader().load(List.of(root, local));
        assertThat(c.module("sample").orElseThrow().lesson(Band.AGES_11_13, Language.EN).orElseThrow().title())
                .isEqualTo("Our own version");
    }
}
