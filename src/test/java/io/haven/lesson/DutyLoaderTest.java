package io.haven.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * content/duties: a duty file is refused with its file, line and rule when a duty has no source or
 * review date, an unknown value or a missing language (fixtures in src/test/duties-fixtures), and the
 * packaged files load with the Korean police-report duty as specified.
 */
class DutyLoaderTest {

    static final Path FIXTURES = Path.of("src/test/duties-fixtures");
    static final String FILE = "content/duties/kr.yaml";

    static DutySheet load(String fixture) throws IOException {
        return new ContentLoader().loadDuties(FILE, Files.readString(FIXTURES.resolve(fixture)), "kr");
    }

    @Test
    void aValidFileLoadsWithItsTriggersAndDeadlines() throws IOException {
        DutySheet s = load("valid.yaml");
        assertThat(s.duties()).extracting(Duty::id).containsExactly("kr-fixture-duty", "kr-fixture-later");
        Duty now = s.duties().get(0);
        Instant received = Instant.parse("2026-12-04T05:00:00Z");
        assertThat(now.isImmediate()).isTrue();
        assertThat(now.dueAt(received)).contains(received);
        assertThat(now.appliesTo("kr", "sextortion", "11-13", false)).isTrue();
        assertThat(now.appliesTo("kr", "sextortion", "not-sure", false))
                .as("not sure counts as a minor")
                .isTrue();
        assertThat(now.appliesTo("kr", "sextortion", "adult", false)).isFalse();
        assertThat(now.appliesTo("kr", "bullying", "11-13", false)).isFalse();
        assertThat(now.appliesTo("fr", "sextortion", "11-13", false)).isFalse();
        Duty later = s.duties().get(1);
        assertThat(later.due()).isEqualTo(Duration.ofHours(48));
        assertThat(later.dueAt(received)).contains(received.plus(Duration.ofHours(48)));
        assertThat(later.appliesTo("kr", "other", "adult", false))
                .as("only with danger now")
                .isFalse();
        assertThat(later.appliesTo("kr", "other", "adult", true)).isTrue();
        assertThat(later.dueForReview(LocalDate.of(2026, 12, 4)))
                .as("reviewed 2025-01-10")
                .isTrue();
        assertThat(now.dueForReview(LocalDate.of(2026, 12, 4))).isFalse();
    }

    @Test
    void aDutyWithoutASourceIsRefusedNamingFileAndLine() {
        assertThatThrownBy(() -> load("no-source.yaml"))
                .isInstanceOf(ContentException.class)
                .hasMessageStartingWith(FILE + ":3: ")
                .hasMessageContaining("kr-fixture-duty has no source");
    }

    @Test
    void aDutyWithoutAReviewDateIsRefusedNamingFileAndLine() {
        assertThatThrownBy(() -> load("no-review-date.yaml"))
                .isInstanceOf(ContentException.class)
                .hasMessageStartingWith(FILE + ":3: ")
                .hasMessageContaining("kr-fixture-duty has no review date");
    }

    @Test
    void unknownValuesAndMissingLanguagesAreRefused() {
        assertThatThrownBy(() -> load("bad-action.yaml"))
                .hasMessageStartingWith(FILE + ":8: ")
                .hasMessageContaining("'action' must be one of");
        assertThatThrownBy(() -> load("bad-age.yaml"))
                .hasMessageStartingWith(FILE + ":7: ")
                .hasMessageContaining("not 'teen'");
        assertThatThrownBy(() -> load("missing-korean.yaml"))
                .hasMessageStartingWith(FILE + ":12: ")
                .hasMessageContaining("'detail' has no ko text");
        assertThatThrownBy(() -> load("needs-review-without-note.yaml"))
                .hasMessageStartingWith(FILE + ":3: ")
                .hasMessageContaining("needs review");
        assertThatThrownBy(() -> new ContentLoader().loadDuties(FILE, "jurisdiction: fr\nduties: []\n", "kr"))
                .hasMessageContaining("differs from the file name");
    }

    @Test
    void thePackagedDutiesLoadWithTheKoreanPoliceReport() {
        Curriculum c = new ContentLoader().load(List.of(Path.of("content")));
        assertThat(c.duties().keySet()).containsExactlyInAnyOrder("kr", "fr", "gb", "us", "eu", "au");
        Duty d = c.duty("kr-report-sex-crime-investigators").orElseThrow();
        assertThat(d.jurisdiction()).isEqualTo("kr");
        assertThat(d.action()).isEqualTo("report-police");
        assertThat(d.isImmediate()).isTrue();
        assertThat(d.mandatory()).isTrue();
        assertThat(d.categories()).containsExactlyInAnyOrder("intimate-image", "sextortion");
        assertThat(d.ages()).containsExactlyInAnyOrder("5-7", "8-10", "11-13", "14-18");
    }
}
