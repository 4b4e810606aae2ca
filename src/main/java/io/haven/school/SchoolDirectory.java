package io.haven.school;

import io.haven.web.PageSchools;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The schools' public facts (slug, jurisdiction, quick-exit target) held in memory, so that the
 * per-school links can be resolved by a request filter on the I/O thread. Schools change rarely:
 * this node refreshes after its own changes, every other node within {@code haven.schools.refresh-every}
 * (10 seconds unless configured; README, "Several nodes"). Safety text is never left to that delay: the
 * report pages read the school's emergency number fresh ({@link #fresh}).
 */
@ApplicationScoped
public class SchoolDirectory implements PageSchools {

    /** What a public page may know about a school. */
    public record Listing(
            long id,
            String slug,
            String name,
            String jurisdiction,
            String defaultLanguage,
            String timeZone,
            String quickExitUrl,
            String emergencyNumber)
            implements PageSchools.PageSchool {

        public java.time.ZoneId zone() {
            return java.time.ZoneId.of(timeZone);
        }
    }

    private volatile Map<String, Listing> bySlug = Map.of();

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(
            every = "${haven.schools.refresh-every:10s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional(Transactional.TxType.SUPPORTS)
    public void refresh() {
        bySlug = School.listByName().stream()
                .map(SchoolDirectory::listing)
                .collect(Collectors.collectingAndThen(
                        Collectors.toMap(Listing::slug, Function.identity(), (a, b) -> a, LinkedHashMap::new),
                        Collections::unmodifiableMap));
    }

    /**
     * The school as the database holds it now (and the cache updated with it), for pages whose safety
     * text must not wait for the next refresh. If the database cannot answer, the cached listing: a page
     * that shows an emergency number must still show one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Listing> fresh(String slug) {
        try {
            Optional<Listing> now = School.findBySlug(slug).map(SchoolDirectory::listing);
            now.ifPresent(l -> {
                Map<String, Listing> next = new LinkedHashMap<>(bySlug);
                next.put(l.slug(), l);
                bySlug = Collections.unmodifiableMap(next);
            });
            return now;
        } catch (RuntimeException databaseUnavailable) {
            return bySlug(slug);
        }
    }

    private static Listing listing(School s) {
        return new Listing(
                s.id, s.slug, s.name, s.jurisdiction, s.defaultLanguage, s.timeZone, s.quickExitUrl, s.emergencyNumber);
    }

    @Override
    public Optional<Listing> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    public Optional<Listing> byId(long id) {
        return bySlug.values().stream().filter(l -> l.id() == id).findFirst();
    }

    public Collection<Listing> all() {
        return bySlug.values();
    }
}
