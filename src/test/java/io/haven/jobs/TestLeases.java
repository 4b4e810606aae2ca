package io.haven.jobs;

import io.haven.web.Clock;
import jakarta.persistence.EntityManager;

/** What tests of other packages need to play a second node or a node shutting down. */
public final class TestLeases {

    private TestLeases() {}

    /** Another portal node on the same database: its own lease identity. */
    public static JobLease otherNode(EntityManager em, Clock clock) {
        JobLease other = new JobLease();
        other.em = em;
        other.clock = clock;
        return other;
    }

    public static void stop(JobLease lease, long waitMillis) {
        lease.stop(waitMillis);
    }

    public static void resume(JobLease lease) {
        lease.resume();
    }
}
