package io.haven.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the machine's CPU went between two moments: the whole machine (from {@code /proc/stat}), the
 * server under test, the database and this client (from each process's {@code /proc/<pid>/stat}), and the
 * rest. Every figure is a share of all cores (2 cores fully busy = 100 %), so the columns add up.
 * <p>
 * This is the evidence for the rows a 2-core machine limits: when the server, the database and the
 * client together keep the machine busy, the CPU per request says how fast the portal could go, and what
 * a target would take.
 */
final class Cpu {

    /** Clock ticks per second of /proc's figures (USER_HZ, 100 on Linux). */
    private static final double HZ = 100;

    record Snapshot(long nanos, long machineBusy, long server, long db, long client) {}

    /** Shares of the machine in % between two snapshots, and the wall time between them. */
    record Shares(double seconds, double busy, double server, double db, double client) {
        double other() {
            return Math.max(0, busy - server - db - client);
        }
    }

    private final long serverPid;
    private final long dbPid;
    private final int cores = Runtime.getRuntime().availableProcessors();

    /** A pid of 0 is a process not measured (its share reads 0). */
    Cpu(long serverPid, long dbPid) {
        this.serverPid = serverPid;
        this.dbPid = dbPid;
    }

    Snapshot now() {
        return new Snapshot(System.nanoTime(), machineBusy(), ticks(serverPid), ticks(dbPid),
                ticks(ProcessHandle.current().pid()));
    }

    Shares between(Snapshot a, Snapshot b) {
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        double capacity = seconds * HZ * cores;
        return new Shares(seconds, 100 * (b.machineBusy() - a.machineBusy()) / capacity,
                100 * (b.server() - a.server()) / capacity, 100 * (b.db() - a.db()) / capacity,
                100 * (b.client() - a.client()) / capacity);
    }

    /**
     * Records the shares under {@code key.cpu.*} and, for {@code requests} requests in that time, the CPU
     * each took of the server, the database and the client under {@code key.cpu_us.*} (microseconds).
     */
    void record(Bench b, String key, Shares s, long requests) {
        b.put(key + ".cpu.busy", s.busy());
        b.put(key + ".cpu.server", s.server());
        b.put(key + ".cpu.db", s.db());
        b.put(key + ".cpu.client", s.client());
        b.put(key + ".cpu.other", s.other());
        if (requests > 0) {
            // share of (cores x seconds) per request, in microseconds of one core
            double perRequest = s.seconds() * cores * 1e6 / 100 / requests;
            b.put(key + ".cpu_us.server", s.server() * perRequest);
            b.put(key + ".cpu_us.db", s.db() * perRequest);
            b.put(key + ".cpu_us.client", s.client() * perRequest);
        }
        b.put("info.cores_measured", cores);
    }

    private static long machineBusy() {
        try {
            // cpu  user nice system idle iowait irq softirq ...: busy = user + nice + system + irq + softirq,
            // as bench/two-nodes.sh counts it
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 7; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long ticks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 (utime, stime), counted from the state field as 3
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
