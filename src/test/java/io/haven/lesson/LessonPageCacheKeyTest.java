package io.haven.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.web.Band;
import io.haven.web.Flash;
import io.haven.web.PageContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which lesson requests may share a cached page: the key, built without a running portal. */
class LessonPageCacheKeyTest {

    private static LessonPageCache cache(Band band, String jurisdiction, String quickExit) {
        LessonPageCache cache = new LessonPageCache();
        cache.page = new PageContext();
        cache.page.setBand(band);
        cache.page.schoolJurisdiction(jurisdiction, false);
        cache.page.useFreshSafetySettings(jurisdiction, null, quickExit);
        cache.page.setPath("/lessons/if-it-happens", Map.of());
        cache.flash = new Flash();
        return cache;
    }

    @Test
    void theSameResolvedBandJurisdictionAndAddressShareAPage() {
        String a = cache(Band.AGES_11_13, "kr", "https://example.org/")
                .key("if-it-happens", Map.of("band", List.of("11-13")));
        String b = cache(Band.AGES_11_13, "kr", "https://example.org/").key("if-it-happens", Map.of());
        assertThat(a)
                .isNotNull()
                .as("a parameter that only repeats what was resolved changes nothing")
                .isEqualTo(b);
    }

    @Test
    void anythingThePageShowsDifferentlyIsAnotherKey() {
        String base = cache(Band.AGES_11_13, "kr", "https://example.org/").key("if-it-happens", Map.of());
        assertThat(cache(Band.AGES_14_18, "kr", "https://example.org/").key("if-it-happens", Map.of()))
                .isNotEqualTo(base);
        assertThat(cache(Band.AGES_11_13, "gb", "https://example.org/").key("if-it-happens", Map.of()))
                .isNotEqualTo(base);
        assertThat(cache(Band.AGES_11_13, "kr", "https://example.net/").key("if-it-happens", Map.of()))
                .as("a school's own quick-exit target")
                .isNotEqualTo(base);
        assertThat(cache(Band.AGES_11_13, "kr", "https://example.org/").key("other-module", Map.of()))
                .isNotEqualTo(base);
    }

    @Test
    void oddQueriesAreNeverCached() {
        LessonPageCache cache = cache(Band.AGES_11_13, "kr", "https://example.org/");
        assertThat(cache.key("if-it-happens", Map.of("utm_source", List.of("x"))))
                .as("an unknown parameter")
                .isNull();
        assertThat(cache.key("if-it-happens", Map.of("band", List.of("11-13", "14-18"))))
                .as("a repeated parameter")
                .isNull();
    }
}
