package io.haven.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.casework.Statistics.Count;
import io.haven.web.Language;
import org.junit.jupiter.api.Test;

/** The arithmetic of small-count suppression, without a database or message bundles. */
class StatisticsSuppressionTest {

    @Test
    void aCountBelowTheThresholdIsNeverShownZeroIncluded() {
        assertThat(Count.of(0).shown()).isFalse();
        assertThat(Count.of(Statistics.MIN - 1).shown()).isFalse();
        assertThat(Count.of(Statistics.MIN - 1).isSmall()).isTrue();
        assertThat(Count.of(Statistics.MIN).shown()).isTrue();
        assertThat(Count.of(Statistics.MIN).isSmall()).isFalse();
    }

    @Test
    void aTotalIsShownOnlyWhenEveryPartIsSoNoSuppressedCountCanBeSubtractedOut() {
        Count big = Count.of(40);
        Count small = Count.of(2);
        Count total = big.plus(small);
        assertThat(total.value()).isEqualTo(42);
        assertThat(total.shown()).as("42 - 40 would give the 2 away").isFalse();
        assertThat(total.isSmall())
                .as("hidden because of a part, not its own size")
                .isFalse();
        assertThat(big.plus(Count.of(7)).shown()).isTrue();
        assertThat(Count.NONE.plus(big).shown())
                .as("the empty sum does not hide anything")
                .isTrue();
    }

    @Test
    void schoolsAddedUpStayHiddenWhenOneSchoolsCountIsSmall() {
        // Two schools with 3 each make 6, but showing 6 next to one school's own figures would give both away.
        Count district = Count.NONE.plus(Count.of(3)).plus(Count.of(3));
        assertThat(district.value()).isEqualTo(6);
        assertThat(district.shown()).isFalse();
    }

    @Test
    void ratesArePercentagesWithOneDecimalInTheReadersLanguage() {
        assertThat(Statistics.percent(1, 8, Language.EN)).isEqualTo("12.5%");
        assertThat(Statistics.percent(1, 8, Language.KO)).isEqualTo("12.5%");
        assertThat(Statistics.percent(1, 8, Language.FR)).isEqualTo("12,5\u00a0%");
    }
}
