package io.haven.school;

import io.haven.web.PageSchools;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The schools' public facts (slug, jurisdiction, quick-exit target) held in memory, so that the
 * per-school links can be resolved by a request filter on the I/O thread. Schools change rarely:
 * this node reloads once its own change has committed ({@link SchoolChanged}), every other node within
 * {@code haven.schools.refresh-every} (10 seconds unless configured; README, "Several nodes"). Until then
 * only the per-school links of a school made on another node are unknown here: a look-up by id (cases,
 * receipts, duties) reads a school it does not hold from the database. Safety text is never left to that
 * delay: the report pages read the school's emergency number fresh ({@link #fresh}).
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

    /**
     * Held from a reload's read to its store, and for every other store: a reload that read the schools
     * before a new one committed cannot store its older list over the one that holds it.
     */
    private final Object loading = new Object();

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    /** After the commit, not inside the transaction: the reload sees the change, and a rollback leaves no trace. */
    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SchoolChanged changed) {
        refresh();
    }

    @Scheduled(
            every = "${haven.schools.refresh-every:10s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        synchronized (loading) {
            // A transaction of its own: a caller's older snapshot would miss what committed since it began.
            List<Listing> all = QuarkusTransaction.requiringNew()
                    .call(() -> School.listByName().stream()
                            .map(SchoolDirectory::listing)
                            .toList());
            bySlug = all.stream()
                    .collect(Collectors.collectingAndThen(
                            Collectors.toMap(Listing::slug, Function.identity(), (a, b) -> a, LinkedHashMap::new),
                            Collections::unmodifiableMap));
        }
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
            now.ifPresent(this::remember);
            return now;
        } catch (RuntimeException databaseUnavailable) {
            return bySlug(slug);
        }
    }

    /** Stores a listing just read, unless the directory holds it already as it is (the usual case: no lock). */
    private void remember(Listing l) {
        if (l.equals(bySlug.get(l.slug()))) {
            return;
        }
        synchronized (loading) {
            Map<String, Listing> next = new LinkedHashMap<>(bySlug);
            next.put(l.slug(), l);
            bySlug = Collections.unmodifiableMap(next);
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

    /**
     * The school of a case, a receipt or a staff role. One this node has not loaded yet (made on another
     * node since the last refresh) is read from the database and kept: its cases must open with the
     * school's jurisdiction, zone and name, not without them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Listing> byId(long id) {
        Optional<Listing> held =
                bySlug.values().stream().filter(l -> l.id() == id).findFirst();
        if (held.isPresent()) {
            return held;
        }
        Optional<Listing> read = School.<School>findByIdOptional(id).map(SchoolDirectory::listing);
        read.ifPresent(this::remember);
        return read;
    }

    public Collection<Listing> all() {
        return bySlug.values();
    }
}
