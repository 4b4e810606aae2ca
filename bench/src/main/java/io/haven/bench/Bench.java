package io.haven.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's Java side, driven by bench/run.sh: seeding, the open-loop and report clients, staff
 * sign-in, and the Markdown report. Every figure goes to one properties file (--results) that the
 * report is written from, so a run can be re-reported without re-running it.
 *
 * <pre>
 * seed    --db URL --cases N                          schools, a staff handler with TOTP, N encrypted cases
 * lesson  --port P --path /x --rate R --seconds S --warmup S --name key   open-loop GETs at a fixed rate
 * reports --port P --db URL --school slug --seconds S --warmup S --conns C [--name key]   max, half-load, count check
 * staff   --port P --db URL --seconds S --warmup S --conns C   case list and case page: max and half load
 * grow    --db URL --size N --label L                   adds cases to the growth school up to N (Growth)
 * growth  --port P --db URL --label L --log F ...      the jobs with reports meanwhile, then the pages (Growth)
 * growth-chart --out docs/growth.svg                   the growth part's p99 against cases
 * report  --results F --out docs/benchmarks.md [--only twonodes]   (--only: that section alone)
 * </pre>
 */
public final class Bench {

    static final String STAFF_EMAIL = "bench.handler@example.org";
    static final String STAFF_PASSWORD = "bench-Kettle-Orbit-42";
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    /**
     * Seconds of an open-loop run's schedule that are not counted: its connections are new (a staff session's
     * first page, a report form's first POST) and so are its threads.
     */
    static final double OPEN_LEAD_IN = 2;
    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final Map<String, String> args;
    private final Path resultsFile;
    final Properties results = new Properties();

    private Bench(Map<String, String> args) throws IOException {
        this.args = args;
        this.resultsFile = Path.of(args.getOrDefault("results", "bench/target/results/results.properties"));
        if (Files.exists(resultsFile)) {
            try (Reader r = Files.newBufferedReader(resultsFile, StandardCharsets.UTF_8)) {
                results.load(r);
            }
        }
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: Bench seed|lesson|reports|staff|report [--key value ...]");
            System.exit(2);
        }
        Map<String, String> a = new HashMap<>();
        for (int i = 1; i + 1 < argv.length; i += 2) {
            a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        Bench b = new Bench(a);
        boolean ok = switch (argv[0]) {
            case "seed" -> b.seed();
            case "lesson" -> b.lesson();
            case "reports" -> b.reports();
            case "staff" -> b.staff();
            case "grow" -> new Growth(b).grow();
            case "growth" -> new Growth(b).measure();
            case "growth-chart" -> new Growth(b).chart(Path.of(a.get("out")));
            case "report" -> "twonodes".equals(a.get("only"))
                    ? new MarkdownReport(b.results).writeTwoNodesOnly(Path.of(a.get("out")))
                    : new MarkdownReport(b.results).write(Path.of(a.get("out")));
            default -> throw new IllegalArgumentException("unknown command " + argv[0]);
        };
        System.exit(ok ? 0 : 1);
    }

    // ---------------------------------------------------------------- seeding

    private boolean seed() throws Exception {
        int cases = Integer.parseInt(args.get("cases"));
        try (Connection db = DriverManager.getConnection(args.get("db") + "?rewriteBatchedStatements=true", "root", "")) {
            long t0 = System.nanoTime();
            new Seeder(db, Seeder.keysFromEnvironment()).seed(cases);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "seeded %d cases in %.1f s%n", cases, s);
            put("seed.cases", cases);
            put("seed.seconds", s);
        }
        save();
        return true;
    }

    // ---------------------------------------------------------------- lesson page, open loop

    private boolean lesson() throws Exception {
        int port = intArg("port");
        String path = args.get("path");
        double rate = Double.parseDouble(args.get("rate"));
        double seconds = Double.parseDouble(args.get("seconds"));
        int conns = Integer.parseInt(args.getOrDefault("conns", "16"));
        double warmup = Double.parseDouble(args.getOrDefault("warmup", "0"));
        String name = args.get("name");
        Load.Setup setup = i -> new Conn("127.0.0.1", port);
        Load.Action get = (c, seq) -> c.status(path) == 200;
        // The same schedule first, not counted: this client is a JVM too, and its own first second (interpreted
        // code, threads starting) showed as 50-160 ms "latency" of whichever server it measured.
        Cpu cpu = cpu();
        Cpu.Snapshot[] before = new Cpu.Snapshot[1];
        Load.Result r = Load.open(setup, get, conns, warmup, seconds, rate, () -> before[0] = cpu.now());
        cpu.record(this, name, cpu.between(before[0], cpu.now()), r.ok() + r.errors());
        System.out.println(r.summary(name));
        record(name, r);
        save();
        return r.errors() == 0 && r.ok() > 0;
    }

    // ---------------------------------------------------------------- anonymous reports

    private boolean reports() throws Exception {
        int port = intArg("port");
        String school = args.get("school");
        double seconds = Double.parseDouble(args.get("seconds"));
        double warmup = Double.parseDouble(args.get("warmup"));
        int conns = Integer.parseInt(args.getOrDefault("conns", "16"));
        // The key prefix: bench/two-nodes.sh runs this scenario once per setup, each under its own name.
        String name = args.getOrDefault("name", "reports");
        String body = URLEncoder.encode("Someone in my class keeps posting edited pictures of me in a group chat. "
                + "It started last week after the trip and now other people are sharing them too. "
                + "I do not want my parents to find out before I have talked to someone.", StandardCharsets.UTF_8);
        // A browser's flow: GET the form (cookie and hidden field), then POST with both. Each virtual
        // client keeps its cookie, so every POST carries a valid token.
        Load.Setup setup = i -> {
            Conn c = new Conn("127.0.0.1", port);
            Conn.Resp form = c.get("/report");
            Matcher m = CSRF_FIELD.matcher(form.text());
            if (form.status() != 200 || !m.find() || !c.cookies.containsKey("haven_csrf")) {
                throw new IllegalStateException("no CSRF token on /report (status " + form.status() + ")");
            }
            c.formToken = m.group(1);
            return c;
        };
        long[] receipts = new long[1];
        // Receipts per answering node, when a load balancer names it in a header (bench/two-nodes.sh's nginx
        // adds X-Bench-Upstream): shows that the reports were spread over the nodes.
        Map<String, Long> byUpstream = new java.util.TreeMap<>();
        Load.Action post = (c, seq) -> {
            Conn.Resp r = c.post("/report", "_csrf=" + c.formToken + "&school=" + school
                    + "&category=bullying&affected=me&dangerNow=no&body=" + body);
            boolean ok = r.status() == 200 && r.text().contains("class=\"receipt\"");
            if (ok) {
                synchronized (receipts) {
                    receipts[0]++;
                    String upstream = r.headers().get("x-bench-upstream");
                    if (upstream != null) {
                        byUpstream.merge(upstream, 1L, Long::sum);
                    }
                }
            }
            return ok;
        };
        // Rows already there (an earlier run on the same database) are not this run's.
        long before = reportRows(school);
        Load.Result w = Load.closed(setup, post, conns, warmup, Long.MAX_VALUE);
        System.out.println(w.summary(name + ".warmup"));
        Cpu cpu = cpu();
        Cpu.Snapshot mark = cpu.now();
        Load.Result max = Load.closed(setup, post, conns, seconds, Long.MAX_VALUE);
        cpu.record(this, name + ".max", cpu.between(mark, cpu.now()), max.ok() + max.errors());
        System.out.println(max.summary(name + ".max"));
        record(name + ".max", max);
        Cpu.Snapshot[] from = new Cpu.Snapshot[1];
        Load.Result half = Load.open(setup, post, conns, OPEN_LEAD_IN, seconds, Math.max(1, max.rate() / 2),
                () -> from[0] = cpu.now());
        cpu.record(this, name + ".half", cpu.between(from[0], cpu.now()), half.ok() + half.errors());
        System.out.println(half.summary(name + ".half"));
        record(name + ".half", half);
        long rows = reportRows(school) - before;
        long errors = w.errors() + max.errors() + half.errors();
        System.out.printf("%s: %d receipts issued, %d rows stored, %d failed requests%s%n", name, receipts[0], rows,
                errors, byUpstream.isEmpty() ? "" : "; receipts per upstream " + byUpstream);
        put(name + ".receipts", receipts[0]);
        put(name + ".rows", rows);
        put(name + ".failed", errors);
        byUpstream.forEach((upstream, n) -> put(name + ".upstream." + upstream.replaceAll("[^0-9A-Za-z.]", "_"), n));
        save();
        return rows == receipts[0] && errors == 0 && receipts[0] > 0;
    }

    private long reportRows(String school) throws Exception {
        try (Connection db = DriverManager.getConnection(args.get("db"), "root", "");
                ResultSet rs = db.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM report_case c JOIN school s ON s.id = c.school_id WHERE s.slug = '"
                                + school.replace("'", "") + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------- staff case list and case page

    private boolean staff() throws Exception {
        int port = intArg("port");
        double seconds = Double.parseDouble(args.get("seconds"));
        double warmup = Double.parseDouble(args.get("warmup"));
        int conns = Integer.parseInt(args.getOrDefault("conns", "8"));
        String session = signIn(port);
        // The real ids: batched inserts leave gaps in AUTO_INCREMENT, so a random number in a range may not exist.
        long[] ids;
        try (Connection db = DriverManager.getConnection(args.get("db"), "root", "");
                ResultSet rs = db.createStatement().executeQuery("SELECT c.id FROM report_case c"
                        + " JOIN school s ON s.id = c.school_id WHERE s.slug = '" + Seeder.CASES_SCHOOL + "'")) {
            java.util.List<Long> all = new java.util.ArrayList<>();
            while (rs.next()) {
                all.add(rs.getLong(1));
            }
            ids = all.stream().mapToLong(Long::longValue).toArray();
            put("staff.cases", ids.length);
        }
        Load.Setup setup = i -> {
            Conn c = new Conn("127.0.0.1", port);
            c.cookies.put("haven_staff", session);
            return c;
        };
        Load.Action list = (c, seq) -> {
            Conn.Resp r = c.get("/staff/cases");
            return r.status() == 200 && r.text().contains("/staff/cases/");
        };
        Load.Action page = (c, seq) -> {
            long id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
            Conn.Resp r = c.get("/staff/cases/" + id);
            return r.status() == 200;
        };
        boolean ok = true;
        for (var s : Map.of("staff.list", list, "staff.case", page).entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())).toList()) {
            String name = s.getKey();
            Load.Result w = Load.closed(setup, s.getValue(), conns, warmup, Long.MAX_VALUE);
            System.out.println(w.summary(name + ".warmup"));
            Load.Result one = Load.closed(setup, s.getValue(), 1, Math.max(2, seconds / 3), Long.MAX_VALUE);
            System.out.println(one.summary(name + ".single"));
            record(name + ".single", one);
            Load.Result max = Load.closed(setup, s.getValue(), conns, seconds, Long.MAX_VALUE);
            System.out.println(max.summary(name + ".max"));
            record(name + ".max", max);
            Load.Result half = Load.open(setup, s.getValue(), conns, OPEN_LEAD_IN, seconds, Math.max(1, max.rate() / 2));
            System.out.println(half.summary(name + ".half"));
            record(name + ".half", half);
            ok &= w.errors() + one.errors() + max.errors() + half.errors() == 0 && max.ok() > 0;
        }
        save();
        return ok;
    }

    /** Signs in as the seeded handler the way a browser does: password, then a TOTP code. */
    static String signIn(int port) throws Exception {
        try (Conn c = new Conn("127.0.0.1", port)) {
            Conn.Resp form = c.get("/staff/login");
            Matcher m = CSRF_FIELD.matcher(form.text());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF field on /staff/login (status " + form.status() + ")");
            }
            String csrf = m.group(1);
            Conn.Resp login = c.post("/staff/login", "_csrf=" + csrf + "&email=" + enc(STAFF_EMAIL) + "&password="
                    + enc(STAFF_PASSWORD));
            if (login.status() != 303 || !String.valueOf(login.headers().get("location")).endsWith("/staff/second-factor")) {
                throw new IllegalStateException("password step answered " + login.status() + " " + login.headers());
            }
            Conn.Resp second = c.post("/staff/second-factor", "_csrf=" + csrf + "&code="
                    + Seeder.totp(TOTP_SECRET, System.currentTimeMillis() / 1000 / 30));
            if (second.status() != 303 || !c.cookies.containsKey("haven_staff")) {
                throw new IllegalStateException("second factor answered " + second.status());
            }
            Conn.Resp home = c.get("/staff/cases");
            if (home.status() != 200) {
                throw new IllegalStateException("/staff/cases answered " + home.status() + " after sign-in");
            }
            return c.cookies.get("haven_staff");
        }
    }

    // ---------------------------------------------------------------- results

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The server's and the database's pids (--server-pid, --db-pid; 0 or absent: not measured). */
    Cpu cpu() {
        return new Cpu(Long.parseLong(args.getOrDefault("server-pid", "0")), Long.parseLong(args.getOrDefault("db-pid", "0")));
    }

    int intArg(String name) {
        return Integer.parseInt(args.get(name));
    }

    void record(String name, Load.Result r) {
        put(name + ".ok", r.ok());
        put(name + ".errors", r.errors());
        put(name + ".seconds", r.seconds());
        put(name + ".rps", r.rate());
        put(name + ".target", r.targetRate());
        put(name + ".p50", r.ms(50));
        put(name + ".p99", r.ms(99));
        put(name + ".max", r.ms(100));
    }

    void put(String key, Object value) {
        results.setProperty(key, value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value));
    }

    void save() throws IOException {
        Files.createDirectories(resultsFile.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(resultsFile, StandardCharsets.UTF_8)) {
            results.store(w, null);
        }
    }
}
