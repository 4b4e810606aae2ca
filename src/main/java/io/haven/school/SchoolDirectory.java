package io.haven.school;

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
 * this node refreshes after its own changes, other nodes within a minute.
 */
@ApplicationScoped
public class SchoolDirectory {

    /** What a public page may know about a school. */
    public record Listing(long id, String slug, String name, String jurisdiction, String defaultLanguage,
            String timeZone, String quickExitUrl, String emergencyNumber) {

        public java.time.ZoneId zone() {
            return java.time.ZoneId.of(timeZone);
        }
    }

    private volatile Map<String, Listing> bySlug = Map.of();

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional(Transactional.TxType.SUPPORTS)
    public void refresh() {
        bySlug = School.listByName().stream()
                .map(s -> new Listing(s.id, s.slug, s.name, s.jurisdiction, s.defaultLanguage, s.timeZone, s.quickExitUrl,
                        s.emergencyNumber))
                .collect(Collectors.collectingAndThen(
                        Collectors.toMap(Listing::slug, Function.identity(), (a, b) -> a, LinkedHashMap::new),
                        Collections::unmodifiableMap));
    }

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
