package io.haven.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Two ways to drive load, both bounded in time and in count.
 * <ul>
 * <li>{@link #closed}: each connection sends its next request as soon as the last one is answered,
 * which finds the maximum rate (the figure wrk gives).</li>
 * <li>{@link #open}: requests are due on a fixed schedule whatever the server does, and each latency
 * is measured from when the request was <em>due</em>, not from when it could be sent. A stall therefore
 * shows in full in the percentiles instead of just slowing the client down (the coordinated-omission
 * correction of wrk2).</li>
 * </ul>
 */
final class Load {

    /** What one virtual client does for one request; returns whether the answer was the expected one. */
    interface Action {
        boolean run(Conn c, long seq) throws Exception;
    }

    /** Creates the per-connection state (for example a connection that has fetched its CSRF token). */
    interface Setup {
        Conn open(int index) throws Exception;
    }

    record Result(long ok, long errors, double seconds, Histogram latencyNanos, double targetRate) {
        double rate() {
            return (ok + errors) / seconds;
        }

        double ms(double percentile) {
            return latencyNanos.getTotalCount() == 0 ? Double.NaN
                    : latencyNanos.getValueAtPercentile(percentile) / 1e6;
        }

        String summary(String name) {
            return String.format(java.util.Locale.ROOT,
                    "%s: %d ok, %d errors in %.1f s = %.1f req/s (target %.0f); p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                    name, ok, errors, seconds, rate(), targetRate, ms(50), ms(99), ms(100));
        }
    }

    private Load() {
    }

    static Result closed(Setup setup, Action action, int connections, double seconds, long maxRequests)
            throws Exception {
        return run(setup, action, connections, 0, seconds, maxRequests, 0, NOTHING);
    }

    private static final Runnable NOTHING = () -> {};

    /** {@link #open(Setup, Action, int, double, double, double, Runnable)} with nothing to do as counting begins. */
    static Result open(Setup setup, Action action, int connections, double warmup, double seconds, double rate)
            throws Exception {
        return open(setup, action, connections, warmup, seconds, rate, NOTHING);
    }

    /**
     * The schedule runs for {@code warmup} seconds that are not counted, then for {@code seconds} that are, on the
     * same connections and threads: a second run with new ones showed a stall of 27-41 ms at its first tenth of
     * a second (threads starting, first requests on new connections) against nginx as against the portal.
     */
    static Result open(Setup setup, Action action, int connections, double warmup, double seconds, double rate,
            Runnable atMeasured) throws Exception {
        return run(setup, action, connections, warmup, seconds, (long) Math.ceil(rate * (warmup + seconds)), rate,
                atMeasured);
    }

    private static Result run(Setup setup, Action action, int connections, double warmup, double seconds,
            long maxRequests, double rate, Runnable atMeasured) throws Exception {
        List<Conn> conns = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            conns.add(setup.open(i));
        }
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong issued = new AtomicLong();
        AtomicLong warmOk = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Histogram> warmHistograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long periodNanos = rate > 0 ? (long) (1e9 / rate) : 0;
        for (int i = 0; i < connections; i++) {
            histograms.add(new Histogram(3_600_000_000_000L, 3));
            warmHistograms.add(new Histogram(3_600_000_000_000L, 3));
        }
        if (rate > 0) {
            // The histograms (about 0.5 MB each) live for the whole run: moved to the old generation now, they are
            // not copied again by every young collection, whose pauses would count as the server's latency.
            System.gc();
        }
        long start = System.nanoTime() + 20_000_000L;
        long measured = start + (long) (warmup * 1e9);
        long end = measured + (long) (seconds * 1e9);
        // The worst latency of each tenth of a second of the schedule, to show when a stall happened.
        AtomicLongArray worst = new AtomicLongArray((int) (seconds * 10) + 2);
        AtomicLongArray warmWorst = new AtomicLongArray((int) (warmup * 10) + 2);
        for (int i = 0; i < connections; i++) {
            // Index 0: the warm-up, 1: the measured part. A request of either does the same work, chosen by
            // index rather than by a branch: a branch never taken in the warm-up would be compiled as a trap, and
            // the first measured request of every thread would then drop back to the interpreter (a stall of
            // 17-35 ms at the measured part's first tenth of a second).
            Histogram[] h = {warmHistograms.get(i), histograms.get(i)};
            AtomicLongArray[] w = {warmWorst, worst};
            AtomicLong[] oks = {warmOk, ok};
            long[] from = {start, measured};
            Conn c = conns.get(i);
            int index = i;
            Thread t = Thread.ofPlatform().name("load-" + i).start(() -> {
                // Every thread starts at the same moment, in the closed loop too: its count and its time begin then.
                for (long wait; (wait = start - System.nanoTime()) > 0;) {
                    LockSupport.parkNanos(wait);
                }
                long k = 0;
                while (true) {
                    long due;
                    long seq;
                    if (rate > 0) {
                        // Connection i owns slots i, i+C, i+2C ... of the global schedule.
                        seq = k * connections + index;
                        due = start + seq * periodNanos;
                        k++;
                        if (due >= end || seq >= maxRequests) {
                            break;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    } else {
                        seq = issued.getAndIncrement();
                        due = System.nanoTime();
                        if (due >= end || seq >= maxRequests) {
                            break;
                        }
                    }
                    boolean good;
                    try {
                        good = action.run(c, seq);
                    } catch (Exception e) {
                        good = false;
                    }
                    long done = System.nanoTime();
                    // 1 from the measured part's start on, else 0 (the closed loop has no warm-up: always 1)
                    int phase = (int) (~(due - measured) >>> 63);
                    long latency = Math.max(0, done - due);
                    h[phase].recordValue(latency);
                    AtomicLongArray slots = w[phase];
                    int slot = (int) Math.min(slots.length() - 1, Math.max(0, (due - from[phase]) / 100_000_000L));
                    slots.accumulateAndGet(slot, latency, Math::max);
                    // A failure never goes unseen: errors count over the whole schedule, warm-up included.
                    (good ? oks[phase] : errors).incrementAndGet();
                }
            });
            threads.add(t);
        }
        for (long wait; (wait = measured - System.nanoTime()) > 0;) {
            LockSupport.parkNanos(wait);
        }
        atMeasured.run();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - measured) / 1e9;
        if (System.getenv("BENCH_TIMELINE") != null) {
            StringBuilder line = new StringBuilder("worst latency (ms) per 0.1 s:");
            for (int i = 0; i < worst.length(); i++) {
                line.append(' ').append(worst.get(i) / 1_000_000);
            }
            System.err.println(line);
        }
        conns.forEach(Conn::close);
        Histogram all = new Histogram(3_600_000_000_000L, 3);
        histograms.forEach(all::add);
        return new Result(ok.get(), errors.get(), elapsed, all, rate);
    }
}
