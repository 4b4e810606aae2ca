package io.haven.casework;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How the scheduled case jobs work through their cases: the list is read in one transaction and each
 * case is handled in a transaction of its own, so one failing case neither rolls back nor holds up
 * the others.
 */
final class PerCase {

    private PerCase() {}

    /** Handles each case that {@code find} lists; answers how many {@code step} reported as done. */
    static int run(Supplier<List<Long>> find, Predicate<Long> step) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(find::get);
        int done = 0;
        for (Long id : ids) {
            if (QuarkusTransaction.requiringNew().call(() -> step.test(id))) {
                done++;
            }
        }
        return done;
    }
}
