package io.haven.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The growth part of the bench (bench/growth.sh): the same portal over 10,000, 100,000 and 1,000,000
 * cases of one school, seeded straight into the table ({@link Seeder#grow}, each size adding to the
 * last). At each size the portal is started with its two case jobs due a fixed time after start-up
 * ({@code HAVEN_DEADLINES_ESCALATE_DELAY}, {@code HAVEN_DEADLINES_PURGE_DELAY}): nothing in the portal
 * exists only for the bench. This tool sends anonymous reports at a fixed rate while the jobs run,
 * reads each job's time from the portal's log line, and then, with the jobs done, times the case
 * list, a case page and the statistics page. Every figure goes under {@code growth.<label>.}.
 */
final class Growth {

    private static final Pattern ESCALATED = Pattern.compile("Escalation: escalated (\\d+) cases in (\\d+) ms \\((\\d+) batches");
    private static final Pattern PURGED = Pattern.compile("Retention: purged (\\d+) cases in (\\d+) ms \\((\\d+) batches");

    private final Bench b;

    Growth(Bench b) {
        this.b = b;
    }

    private String arg(String name, String otherwise) {
        return b.args.getOrDefault(name, otherwise);
    }

    private Connection db() throws Exception {
        return DriverManager.getConnection(b.args.get("db"), "root", "");
    }

    // ---------------------------------------------------------------- seeding

    boolean grow() throws Exception {
        int size = b.intArg("size");
        String label = b.args.get("label");
        try (Connection c = DriverManager.getConnection(b.args.get("db"), "root", "")) {
            long t0 = System.nanoTime();
            Seeder.Grown g = new Seeder(c, Seeder.keysFromEnvironment()).grow(size);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "growth %s: added %,d cases (%,d due for retention, %,d overdue urgent) in %.1f s%n",
                    label, g.added(), g.dueForRetention(), g.overdueUrgent(), s);
            if (label == null) { // only the school, before the portal starts (it reads its schools at start)
                return true;
            }
            String key = "growth." + label;
            b.put(key + ".cases", size);
            b.put(key + ".seed_added", g.added());
            b.put(key + ".seed_seconds", s);
            b.put(key + ".seed_due", g.dueForRetention());
            b.put(key + ".seed_overdue", g.overdueUrgent());
            String labels = b.results.getProperty("growth.labels", "");
            if (!Arrays.asList(labels.split(",")).contains(label)) {
                b.put("growth.labels", labels.isEmpty() ? label : labels + "," + label);
            }
        }
        b.save();
        return true;
    }

    // ---------------------------------------------------------------- the jobs, then the pages

    boolean measure() throws Exception {
        int port = b.intArg("port");
        String key = "growth." + b.args.get("label");
        Path log = Path.of(b.args.getOrDefault("log", "-"));
        long school;
        try (Connection c = db(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT id FROM school WHERE slug = '" + Seeder.GROWTH_SCHOOL + "'")) {
            rs.next();
            school = rs.getLong(1);
        }
        boolean ok = true;
        if (!"no".equals(arg("jobs", "yes"))) {
            ok &= jobs(port, key, school, log);
        }
        if (!"no".equals(arg("pages", "yes"))) {
            ok &= pages(port, key, school);
        }
        b.save();
        return ok;
    }

    /** Reports at a fixed rate while the escalation job, then the retention job, run; then what they left. */
    private boolean jobs(int port, String key, long school, Path log) throws Exception {
        double rate = Double.parseDouble(arg("report-rate", "20"));
        double reportWarmup = Double.parseDouble(arg("report-warmup", "0"));
        double jobTimeout = Double.parseDouble(arg("job-timeout", "900"));
        boolean ok = true;
        Reports reports = new Reports(port, 4, rate);
        if (reportWarmup > 0) {
            System.out.println(Load.closed(reports::connect, reports::post, 4, reportWarmup, Long.MAX_VALUE)
                    .summary(key + ".reports.warmup"));
        }
        reports.start();
        long[] escalation = null;
        long[] retention = null;
        long deadline = System.nanoTime() + (long) (jobTimeout * 1e9);
        while ((escalation == null || retention == null) && System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            long now = System.nanoTime();
            if (escalation == null) {
                escalation = window(ESCALATED, text, now);
            }
            if (retention == null) {
                retention = window(PURGED, text, now);
            }
            Thread.sleep(20);
        }
        Thread.sleep(500);
        reports.stop();
        if (escalation == null || retention == null) {
            System.err.println(key + ": a job did not log its run within " + jobTimeout + " s");
            ok = false;
        }
        b.put(key + ".reports.errors", reports.errors.get());
        b.put(key + ".reports.sent", reports.sent.get());
        b.put(key + ".reports.rate", rate);
        b.put(key + ".reports.all.p99", reports.p99(Long.MIN_VALUE, Long.MAX_VALUE));
        if (escalation != null) {
            b.put(key + ".escalation.cases", escalation[2]);
            b.put(key + ".escalation.ms", escalation[3]);
            b.put(key + ".escalation.batches", escalation[4]);
            b.put(key + ".reports.escalation.p99", reports.p99(escalation[0], escalation[1]));
            b.put(key + ".reports.escalation.n", reports.count(escalation[0], escalation[1]));
        }
        if (retention != null) {
            b.put(key + ".retention.cases", retention[2]);
            b.put(key + ".retention.ms", retention[3]);
            b.put(key + ".retention.batches", retention[4]);
            b.put(key + ".reports.retention.p99", reports.p99(retention[0], retention[1]));
            b.put(key + ".reports.retention.n", reports.count(retention[0], retention[1]));
            b.put(key + ".reports.retention.p50", reports.percentile(retention[0], retention[1], 50));
            b.put(key + ".reports.retention.max", reports.percentile(retention[0], retention[1], 100));
            b.put(key + ".reports.outside.p99", reports.p99Outside(escalation, retention));
        }
        b.put(key + ".jobs_overlap", escalation != null && retention != null && escalation[1] > retention[0]);
        System.out.printf(Locale.ROOT, "%s: escalation %s, retention %s; reports %d sent, %d errors, p99 during retention %.1f ms%n",
                key, escalation == null ? "-" : escalation[2] + " cases in " + escalation[3] + " ms",
                retention == null ? "-" : retention[2] + " cases in " + retention[3] + " ms", reports.sent.get(),
                reports.errors.get(), retention == null ? Double.NaN : reports.p99(retention[0], retention[1]));
        ok &= reports.errors.get() == 0 && reports.sent.get() > 0;

        // What the jobs left: no due case unpurged, no overdue urgent case without its escalation.
        try (Connection c = db()) {
            long leftDue = count(c, "SELECT COUNT(*) FROM report_case WHERE school_id = ? AND status = 'CLOSED'"
                    + " AND legal_hold = FALSE AND purged_at IS NULL AND closed_at < ?", school,
                    Instant.now().minus(Duration.ofDays(365)));
            long purged = count(c, "SELECT COUNT(*) FROM report_case WHERE school_id = ? AND purged_at IS NOT NULL"
                    + " AND closed_at < ?", school, Instant.now());
            long unescalated = count(c, "SELECT COUNT(*) FROM report_case r WHERE r.school_id = ? AND r.status = 'NEW'"
                    + " AND r.urgent = TRUE AND r.acknowledge_by < ? AND NOT EXISTS"
                    + " (SELECT 1 FROM case_escalation e WHERE e.case_id = r.id)", school, Instant.now());
            long audits = count(c, "SELECT COUNT(*) FROM case_audit WHERE school_id = ? AND action = 'PURGE' AND id > ?",
                    school, -1L);
            b.put(key + ".left_due", leftDue);
            b.put(key + ".purged_total", purged);
            b.put(key + ".purge_audits_total", audits);
            b.put(key + ".left_unescalated", unescalated);
            System.out.printf("%s: %d purged in all (%d PURGE audit rows), %d due left, %d overdue urgent not escalated%n",
                    key, purged, audits, leftDue, unescalated);
            ok &= leftDue == 0 && unescalated == 0 && audits == purged;
        }
        return ok;
    }

    /** The pages, with no job running: one client, closed loop (each request's own time). */
    private boolean pages(int port, String key, long school) throws Exception {
        double seconds = Double.parseDouble(arg("seconds", "10"));
        double warmup = Double.parseDouble(arg("warmup", "3"));
        boolean ok = true;
        // One TOTP code per 30-second step is accepted once: an earlier size's sign-in may have used this step's.
        try (Connection c = db()) {
            c.createStatement().executeUpdate("UPDATE staff SET totp_last_step = 0 WHERE email = '" + Bench.STAFF_EMAIL + "'");
        }
        String session = Bench.signIn(port);
        long[] ids;
        try (Connection c = db(); PreparedStatement p = c.prepareStatement("SELECT id FROM report_case WHERE school_id = ?")) {
            p.setLong(1, school);
            List<Long> all = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    all.add(rs.getLong(1));
                }
            }
            ids = all.stream().mapToLong(Long::longValue).toArray();
        }
        b.put(key + ".cases_in_school", ids.length);
        Load.Setup staff = i -> {
            Conn c = new Conn("127.0.0.1", port);
            c.cookies.put("haven_staff", session);
            return c;
        };
        Load.Action list = (c, seq) -> {
            Conn.Resp r = c.get("/staff/cases");
            return r.status() == 200 && r.text().contains("/staff/cases/");
        };
        Load.Action page = (c, seq) -> c.get("/staff/cases/" + ids[ThreadLocalRandom.current().nextInt(ids.length)])
                .status() == 200;
        Load.Action stats = (c, seq) -> c.get("/staff/admin/stats?school=" + school).status() == 200;
        for (var p : List.of(new Object[] {"list", list}, new Object[] {"case", page}, new Object[] {"stats", stats})) {
            String name = key + "." + p[0];
            Load.Action a = (Load.Action) p[1];
            Load.Result w = Load.closed(staff, a, 1, warmup, Long.MAX_VALUE);
            Load.Result r = Load.closed(staff, a, 1, seconds, Long.MAX_VALUE);
            System.out.println(r.summary(name));
            b.record(name, r);
            ok &= w.errors() + r.errors() == 0 && r.ok() > 0;
        }
        return ok;
    }

    private static long count(Connection c, String sql, long school, Object second) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, school);
            if (second instanceof Instant t) {
                p.setTimestamp(2, Timestamp.from(t));
            } else {
                p.setLong(2, (Long) second);
            }
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** From a job's log line seen at {@code now}: {start, end (nanoTime), cases, ms, batches}, or null if not there yet. */
    private static long[] window(Pattern line, String log, long now) {
        Matcher m = line.matcher(log);
        if (!m.find()) {
            return null;
        }
        long ms = Long.parseLong(m.group(2));
        // Polled every 20 ms: the run ended at most that long before the line was seen.
        return new long[] {now - (ms + 20) * 1_000_000L, now, Long.parseLong(m.group(1)), ms, Long.parseLong(m.group(3))};
    }

    /**
     * Anonymous reports on a fixed schedule (open loop: each latency from when the request was due) until
     * stopped, every latency kept with its due time, so that the percentiles of a job's window can be read.
     */
    private static final class Reports {
        final int port;
        final int conns;
        final double rate;
        final AtomicBoolean stopping = new AtomicBoolean();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong sent = new AtomicLong();
        final List<long[]> samples = new ArrayList<>(); // {due, latency}
        final List<Thread> threads = new ArrayList<>();
        final String body = URLEncoder.encode("Someone in my class keeps posting edited pictures of me in a group chat. "
                + "It started last week after the trip and now other people are sharing them too.", StandardCharsets.UTF_8);

        Reports(int port, int conns, double rate) {
            this.port = port;
            this.conns = conns;
            this.rate = rate;
        }

        Conn connect(int i) throws Exception {
            Conn c = new Conn("127.0.0.1", port);
            Conn.Resp form = c.get("/report");
            Matcher m = Bench.CSRF_FIELD.matcher(form.text());
            if (form.status() != 200 || !m.find()) {
                throw new IllegalStateException("no CSRF token on /report (status " + form.status() + ")");
            }
            c.formToken = m.group(1);
            return c;
        }

        boolean post(Conn c, long seq) throws Exception {
            Conn.Resp r = c.post("/report", "_csrf=" + c.formToken + "&school=" + Seeder.REPORTS_SCHOOL
                    + "&category=bullying&affected=me&dangerNow=no&body=" + body);
            return r.status() == 200 && r.text().contains("class=\"receipt\"");
        }

        void start() throws Exception {
            long period = (long) (1e9 / rate);
            long start = System.nanoTime() + 20_000_000L;
            for (int i = 0; i < conns; i++) {
                Conn c = connect(i);
                int index = i;
                threads.add(Thread.ofPlatform().name("growth-report-" + i).start(() -> {
                    for (long k = 0; !stopping.get(); k++) {
                        long due = start + (k * conns + index) * period;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        if (stopping.get()) {
                            break;
                        }
                        boolean good;
                        try {
                            good = post(c, k);
                        } catch (Exception e) {
                            good = false;
                        }
                        long latency = System.nanoTime() - due;
                        sent.incrementAndGet();
                        if (!good) {
                            errors.incrementAndGet();
                        }
                        synchronized (samples) {
                            samples.add(new long[] {due, latency});
                        }
                    }
                    c.close();
                }));
            }
        }

        void stop() throws InterruptedException {
            stopping.set(true);
            for (Thread t : threads) {
                t.join();
            }
        }

        private long[] latencies(java.util.function.LongPredicate dueIn) {
            synchronized (samples) {
                return samples.stream().filter(s -> dueIn.test(s[0])).mapToLong(s -> s[1]).sorted().toArray();
            }
        }

        long count(long from, long to) {
            return latencies(d -> d >= from && d <= to).length;
        }

        double percentile(long from, long to, double pct) {
            return pct(latencies(d -> d >= from && d <= to), pct);
        }

        double p99(long from, long to) {
            return percentile(from, to, 99);
        }

        /** Reports due while neither job ran: the same load's own baseline. */
        double p99Outside(long[] a, long[] b) {
            return pct(latencies(d -> (a == null || d < a[0] || d > a[1]) && (b == null || d < b[0] || d > b[1])), 99);
        }

        private static double pct(long[] sorted, double pct) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(pct / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    // ---------------------------------------------------------------- chart

    /** docs/growth.svg: p99 of each page (and of reports during the retention job) against cases, log x axis. */
    boolean chart(Path out) throws Exception {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, svg(b.results), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
        return true;
    }

    static String svg(java.util.Properties r) {
        String[] labels = r.getProperty("growth.labels", "").split(",");
        String[][] series = {
            {"list", "case list", "#1f77b4"}, {"case", "case page", "#2ca02c"}, {"stats", "statistics", "#d62728"},
            {"reports.retention", "report during retention", "#9467bd"}};
        int w = 560;
        int h = 320;
        int left = 56;
        int right = 110;
        int top = 16;
        int bottom = 64;
        double maxMs = 250;
        double minCases = Double.MAX_VALUE;
        double maxCases = 0;
        for (String l : labels) {
            double n = num(r, "growth." + l + ".cases");
            if (!Double.isNaN(n) && n > 0) {
                minCases = Math.min(minCases, n);
                maxCases = Math.max(maxCases, n);
            }
            for (String[] s : series) {
                double v = num(r, "growth." + l + "." + s[0] + ".p99");
                if (!Double.isNaN(v)) {
                    maxMs = Math.max(maxMs, v * 1.1);
                }
            }
        }
        if (maxCases == 0) {
            minCases = 1;
            maxCases = 10;
        }
        double lo = Math.floor(Math.log10(minCases));
        double hi = Math.max(lo + 1, Math.ceil(Math.log10(maxCases)));
        double plotW = w - left - right;
        double plotH = h - top - bottom;
        double fMax = maxMs;
        java.util.function.DoubleUnaryOperator x = n -> left + (Math.log10(n) - lo) / (hi - lo) * plotW;
        java.util.function.DoubleUnaryOperator y = ms -> top + plotH - Math.min(ms, fMax) / fMax * plotH;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\""
                + " aria-label=\"p99 latency against the number of cases\">%n", w, h, w, h));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        for (double e = lo; e <= hi; e++) {
            double px = x.applyAsDouble(Math.pow(10, e));
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n"
                    + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", px, top, px, top + plotH, px,
                    top + plotH + 14, String.format(Locale.ROOT, "%,d", (long) Math.pow(10, e))));
        }
        double step = niceStep(maxMs / 5);
        for (double v = 0; v <= maxMs; v += step) {
            double py = y.applyAsDouble(v);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>%n"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n", left, py, left + plotW, py,
                    left - 4, py + 4, v));
        }
        for (double[] t : new double[][] {{50, 0}, {200, 1}}) {
            double py = y.applyAsDouble(t[0]);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\""
                    + " stroke-dasharray=\"4 3\"/>%n<text x=\"%.1f\" y=\"%.1f\" fill=\"#666\">%s</text>%n", left, py,
                    left + plotW, py, left + plotW + 4, py + 4, t[1] == 0 ? "50 ms: pages" : "200 ms: statistics"));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">cases in the school"
                + " (log scale)</text>%n", left + plotW / 2, top + plotH + 30));
        s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.1f\" transform=\"rotate(-90 12 %.1f)\""
                + " text-anchor=\"middle\">p99, ms</text>%n", top + plotH / 2, top + plotH / 2));
        int legend = 0;
        for (String[] se : series) {
            StringBuilder pts = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (String l : labels) {
                double n = num(r, "growth." + l + ".cases");
                double v = num(r, "growth." + l + "." + se[0] + ".p99");
                if (Double.isNaN(n) || Double.isNaN(v) || n <= 0) {
                    continue;
                }
                double px = x.applyAsDouble(n);
                double py = y.applyAsDouble(v);
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px, py,
                        se[2]));
            }
            s.append("<polyline fill=\"none\" stroke=\"").append(se[2]).append("\" stroke-width=\"2\" points=\"")
                    .append(pts.toString().strip()).append("\"/>\n").append(dots);
            double lx = 8 + legend++ * 138;
            double ly = h - 12;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                    + " stroke-width=\"2\"/>%n<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", lx, ly - 4, lx + 14, ly - 4,
                    se[2], lx + 18, ly, se[1]));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static double num(java.util.Properties r, String key) {
        try {
            return Double.parseDouble(r.getProperty(key, "NaN"));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
