package io.haven.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.web.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two nodes started together both take the lease of a job that has never run: the first lease row is
 * inserted by one of them, and exactly one holds the lease, with no error on either (before, both took a
 * gap lock in the look-up and then deadlocked on their inserts, or the loser's duplicate key failed its
 * transaction's commit, so the job or the node's start failed).
 */
@QuarkusTest
class JobLeaseTest {

    static final int ROUNDS = 40;

    @Inject
    JobLease lease;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Test
    void twoNodesTakingANewLeaseAtOnceGiveExactlyOneHolderAndNoError() throws Exception {
        JobLease other = TestLeases.otherNode(em, clock);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String job = "race-" + UUID.randomUUID().toString().substring(0, 8);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> took = new ArrayList<>();
                for (JobLease node : List.of(lease, other)) {
                    Callable<Boolean> take = () -> {
                        together.await();
                        return node.acquire(job, Duration.ofMinutes(2));
                    };
                    took.add(pool.submit(take));
                }
                // get() rethrows what a node's acquire threw: a deadlock or duplicate key fails the test here.
                boolean first = took.get(0).get();
                boolean second = took.get(1).get();
                assertThat(first ^ second)
                        .as("round %d: exactly one node holds %s", round, job)
                        .isTrue();
                String holder = QuarkusTransaction.requiringNew()
                        .call(() -> (String) em.createNativeQuery("SELECT holder FROM job_lease WHERE name = ?1")
                                .setParameter(1, job)
                                .getSingleResult());
                // The bean is reached through its client proxy: its node id is the static one.
                assertThat(holder).isEqualTo(first ? JobLease.node() : other.node);
                lease.release(job);
                other.release(job);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
