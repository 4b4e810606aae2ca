package io.haven.school;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;

/** Schools for tests, created once by slug. Callers refresh the SchoolDirectory afterwards. */
public final class TestSchools {

    private TestSchools() {}

    public static long ensure(String slug, String jurisdiction, String language, String timeZone) {
        return QuarkusTransaction.requiringNew()
                .call(() -> School.findBySlug(slug).map(s -> s.id).orElseGet(() -> {
                    School s = new School();
                    s.slug = slug;
                    s.name = "School " + slug;
                    s.jurisdiction = jurisdiction;
                    s.defaultLanguage = language;
                    s.timeZone = timeZone;
                    s.createdAt = Instant.now();
                    s.persist();
                    return s.id;
                }));
    }
}
