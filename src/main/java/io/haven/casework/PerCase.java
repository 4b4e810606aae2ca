package io.haven.casework;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.jboss.logging.Logger;

/**
 * How the scheduled case jobs work through their cases: in batches by ascending id, each batch read
 * and then handled in a short transaction of its own, so a run over a million-case table never holds
 * many row locks, nor the audit chain's head, for long, and never holds the whole list in memory. A
 * step changes its case and answers the audit to record (or null: nothing to do); the batch's audits
 * are appended after every case of the batch is changed, because appending takes the chain's head
 * lock and a case row must never be locked while it is held (a staff change locks its case, then the
 * head: the other order would deadlock). A batch that fails is tried again one case per transaction,
 * so one failing case neither rolls back nor holds up the others.
 */
final class PerCase {

    private static final Logger LOG = Logger.getLogger(PerCase.class);

    /** Handles one case (locked by the step) and answers its audit, or null when there was nothing to do. */
    @FunctionalInterface
    interface Step {
        Runnable handle(long id);
    }

    /** Cases and batches a run handled. */
    record Tally(int done, int batches) {
        Tally plus(Tally o) {
            return new Tally(done + o.done, batches + o.batches);
        }
    }

    private PerCase() {}

    /**
     * Handles every case {@code after} lists: given the last id handled (0 at first), it answers the next
     * ids above it in ascending order, at most {@code size} of them.
     */
    static Tally run(int size, LongFunction<List<Long>> after, Step step) {
        Tally tally = new Tally(0, 0);
        long last = 0;
        while (true) {
            long from = last;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> after.apply(from));
            if (ids.isEmpty()) {
                return tally;
            }
            tally = tally.plus(new Tally(batch(ids, step), 1));
            last = ids.get(ids.size() - 1);
            if (ids.size() < size) {
                return tally;
            }
        }
    }

    /** Handles the given cases in batches of {@code size}, in the order given. */
    static Tally each(int size, List<Long> ids, Step step) {
        Tally tally = new Tally(0, 0);
        for (int i = 0; i < ids.size(); i += size) {
            tally = tally.plus(new Tally(batch(ids.subList(i, Math.min(ids.size(), i + size)), step), 1));
        }
        return tally;
    }

    private static int batch(List<Long> ids, Step step) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> handle(ids, step));
        } catch (RuntimeException e) {
            if (ids.size() == 1) {
                LOG.errorf(e, "case %d could not be handled; the job goes on with the others", ids.get(0));
                return 0;
            }
            LOG.warnf(e, "a batch of %d cases failed; handling each in a transaction of its own", ids.size());
            int done = 0;
            for (Long id : ids) {
                done += batch(List.of(id), step);
            }
            return done;
        }
    }

    private static int handle(List<Long> ids, Step step) {
        List<Runnable> audits = new ArrayList<>();
        for (Long id : ids) {
            Runnable audit = step.handle(id);
            if (audit != null) {
                audits.add(audit);
            }
        }
        audits.forEach(Runnable::run);
        return audits.size();
    }
}
