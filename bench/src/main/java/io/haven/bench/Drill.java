package io.haven.bench;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;

/**
 * The operations drills' Java side (bench/drills/*.sh start and kill the processes; this drives them
 * through HTTP as a browser would and reads the database and the SMTP server's log). Every check prints
 * one line, {@code PASS name: detail} or {@code FAIL name: detail}; the scripts count them.
 *
 * <pre>
 * migrate    --db URL [--classes DIR]                  Flyway, as the portal runs it at start (its build output)
 * seed       --db URL                                  a school, a handler with password and TOTP
 * admin      --db URL                                  the school's administrator and an overdue urgent case
 * setup-link --a PORT --b PORT --logs A.log,B.log      a first-run setup link one node logged works on the other
 * sessions   --a PORT --b PORT --db URL --state F      sign in on A, cookie on B; report on A, follow-up on B ...
 * spread     --a PORT --b PORT --db URL --mail LOG --count N   N reports over both nodes, each notified once
 * escalation --db URL --mail LOG                       the overdue case escalated once, one mail
 * slow       --a PORT --b PORT --db URL --mail LOG --delay-file F --count N --delay S --expire-lease true|false
 * burst      --a PORT --b PORT --db URL --seconds S --marks F   reports while a node is killed: receipts all stored
 * concurrency --a PORT --b PORT --db URL --tries N     one case changed on both nodes at once: nothing lost, no 500
 * restore-prepare --port P --db URL --state F          a report (with a receipt) and a staff reply on one node
 * restore-check   --port P --db URL --state F          after a restore: the staff page shows them, the receipt works
 * </pre>
 */
public final class Drill {

    static final String SCHOOL = "drill-school";
    static final String HANDLER = "drill.handler@example.org";
    static final String ADMIN = "drill.admin@example.org";
    static final String PASSWORD = "drill-Lantern-Copper-73";
    static final String TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern RECEIPT = Pattern.compile("class=\"receipt\"[^>]*>(?:<span[^>]*>[^<]*</span>)?<strong>([0-9 ]+)</strong>");
    static final Pattern SETUP_LINK = Pattern.compile("/staff/setup\\?token=([A-Za-z0-9_-]+)");

    /** Held, so that the level set on it is not lost with a collected logger. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    private final Map<String, String> args;
    private int failed;

    private Drill(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 1; i + 1 < argv.length; i += 2) {
            a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        Drill d = new Drill(a);
        switch (argv[0]) {
            case "migrate" -> d.migrate();
            case "seed" -> d.seed();
            case "admin" -> d.admin();
            case "setup-link" -> d.setupLink();
            case "sessions" -> d.sessions();
            case "spread" -> d.spread();
            case "escalation" -> d.escalation();
            case "slow" -> d.slow();
            case "burst" -> d.burst();
            case "concurrency" -> d.concurrency();
            case "restore-prepare" -> d.restorePrepare();
            case "restore-check" -> d.restoreCheck();
            default -> throw new IllegalArgumentException("unknown command " + argv[0]);
        }
        System.exit(d.failed == 0 ? 0 : 1);
    }

    // ------------------------------------------------------------------------------------ checks

    private void pass(String name, String detail) {
        System.out.println("PASS " + name + ": " + detail);
    }

    private void fail(String name, String detail) {
        System.out.println("FAIL " + name + ": " + detail);
        failed++;
    }

    private void check(String name, boolean ok, String detail) {
        if (ok) {
            pass(name, detail);
        } else {
            fail(name, detail);
        }
    }

    // ------------------------------------------------------------------------------------ schema and data

    private void migrate() {
        FLYWAY_LOG.setLevel(java.util.logging.Level.SEVERE);
        // The portal's migrations as it runs them: the SQL files and the Java ones (V190) compiled beside them
        // in the portal's build output, read through a class loader of their own.
        java.nio.file.Path classes = java.nio.file.Path.of(args.getOrDefault("classes", "target/classes"));
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                Drill.class.getClassLoader())) {
            var result = Flyway.configure(loader).dataSource(args.get("db"), "root", "")
                    .locations("classpath:db/migration").load().migrate();
            System.out.println("schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                    + " migrations applied)");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Connection db() throws Exception {
        return DriverManager.getConnection(args.get("db"), "root", "");
    }

    /** The school and its handler (no administrator yet, so that a first-run setup link is logged). */
    private void seed() throws Exception {
        try (Connection db = db()) {
            Seeder s = new Seeder(db, Seeder.keysFromEnvironment());
            Instant now = Instant.now();
            long school = insert(db, "INSERT INTO school (slug, name, jurisdiction, default_language, time_zone, created_at)"
                    + " VALUES (?, 'Drill High School', 'kr', 'en', 'Asia/Seoul', ?)", SCHOOL, Timestamp.from(now));
            long handler = insert(db, "INSERT INTO staff (email, display_name, password_hash, active, totp_secret,"
                    + " totp_enrolled_at, totp_last_step, session_epoch, created_at) VALUES (?, 'Drill Handler', ?, TRUE, ?, ?,"
                    + " 0, 0, ?)", HANDLER, hash(PASSWORD), s.encrypt("staff.totp", TOTP_SECRET), Timestamp.from(now),
                    Timestamp.from(now));
            insert(db, "INSERT INTO staff_role (staff_id, school_id, role) VALUES (?, ?, 'HANDLER')", handler, school);
        }
    }

    /** The school's administrator (volume alerts and escalations go to them) and one overdue urgent case. */
    private void admin() throws Exception {
        try (Connection db = db()) {
            Seeder s = new Seeder(db, Seeder.keysFromEnvironment());
            Instant now = Instant.now();
            long school = schoolId(db);
            long admin = insert(db, "INSERT INTO staff (email, display_name, active, totp_last_step, session_epoch,"
                    + " created_at) VALUES (?, 'Drill Administrator', TRUE, 0, 0, ?)", ADMIN, Timestamp.from(now));
            insert(db, "INSERT INTO staff_role (staff_id, school_id, role) VALUES (?, ?, 'ADMIN')", admin, school);
            byte[] receipt = new byte[32];
            new java.security.SecureRandom().nextBytes(receipt);
            Instant created = now.minus(Duration.ofHours(3));
            // The school's next case number, taken as the portal takes it.
            try (var up = db.prepareStatement("UPDATE school SET last_case_number = last_case_number + 1 WHERE id = ?")) {
                up.setLong(1, school);
                up.executeUpdate();
            }
            long number;
            try (var q = db.prepareStatement("SELECT last_case_number FROM school WHERE id = ?")) {
                q.setLong(1, school);
                try (var rs = q.executeQuery()) {
                    rs.next();
                    number = rs.getLong(1);
                }
            }
            long id = insert(db, "INSERT INTO report_case (school_id, category, affected, danger_now, urgent, volume_flagged,"
                    + " status, receipt_hash, case_number, body_enc, created_at, acknowledge_by, review_by, updated_at)"
                    + " VALUES (?, 'SEXTORTION', 'ME', TRUE, TRUE, FALSE, 'NEW', ?, ?, ?, ?, ?, ?, ?)", school,
                    HexFormat.of().formatHex(receipt), number, s.encrypt("report.body", "Drill: an urgent case nobody acknowledged."),
                    Timestamp.from(created), Timestamp.from(created.plus(Duration.ofHours(2))),
                    Timestamp.from(created.plus(Duration.ofDays(7))), Timestamp.from(created));
            System.out.println("overdue case " + id);
        }
    }

    private static String hash(String password) {
        // The portal's parameters (PasswordHasher): argon2id, 19 MiB, 4 passes, 1 lane, 32 bytes.
        return Password.hash(password).addRandomSalt(16).with(Argon2Function.getInstance(19456, 4, 1, 32, Argon2.ID))
                .getResult();
    }

    private static long insert(Connection db, String sql, Object... params) throws Exception {
        try (PreparedStatement p = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                return k.next() ? k.getLong(1) : 0;
            }
        }
    }

    private static long schoolId(Connection db) throws Exception {
        return number(db, "SELECT id FROM school WHERE slug = '" + SCHOOL + "'");
    }

    private static long number(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static List<Long> numbers(Connection db, String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getLong(1));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------ browser steps

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** GETs a page and remembers its form token on the connection. */
    private static Conn.Resp page(Conn c, String path) throws IOException {
        Conn.Resp r = c.get(path);
        Matcher m = CSRF_FIELD.matcher(r.text());
        if (m.find()) {
            c.formToken = m.group(1);
        }
        return r;
    }

    /** Sends one report through the form; the receipt's digits, or null when none was shown. */
    static String report(Conn c, String text, boolean danger) throws IOException {
        if (c.formToken == null) {
            page(c, "/report");
        }
        Conn.Resp r = c.post("/report", "_csrf=" + c.formToken + "&school=" + SCHOOL + "&category=bullying&affected=me"
                + "&dangerNow=" + (danger ? "yes" : "no") + "&body=" + enc(text));
        Matcher m = RECEIPT.matcher(r.status() == 200 ? r.text() : "");
        return m.find() ? m.group(1).replace(" ", "") : null;
    }

    /** The reporter's follow-up page for a receipt (status 200 with the conversation, or 404). */
    static Conn.Resp followUp(Conn c, String receipt) throws IOException {
        page(c, "/report/follow-up");
        return c.post("/report/follow-up", "_csrf=" + c.formToken + "&receipt=" + receipt);
    }

    /** Password, then a TOTP code; a code already used (same 30 s step) waits for the next step once. */
    static String signIn(int port) throws Exception {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (Conn c = new Conn("127.0.0.1", port)) {
                page(c, "/staff/login");
                Conn.Resp login = c.post("/staff/login", "_csrf=" + c.formToken + "&email=" + enc(HANDLER) + "&password="
                        + enc(PASSWORD));
                if (login.status() != 303) {
                    throw new IllegalStateException("password step answered " + login.status());
                }
                Conn.Resp second = c.post("/staff/second-factor", "_csrf=" + c.formToken + "&code="
                        + Seeder.totp(TOTP_SECRET, System.currentTimeMillis() / 1000 / 30));
                if (second.status() == 303 && c.cookies.containsKey("haven_staff")) {
                    return c.cookies.get("haven_staff");
                }
            }
            Thread.sleep(30_000 - System.currentTimeMillis() % 30_000 + 200);
        }
        throw new IllegalStateException("the second factor was refused twice");
    }

    static Conn staff(int port, String session) {
        Conn c = new Conn("127.0.0.1", port);
        c.cookies.put("haven_staff", session);
        return c;
    }

    // ------------------------------------------------------------------------------------ two nodes

    private int port(String name) {
        return Integer.parseInt(args.get(name));
    }

    /** A first-run setup link logged by one node opens the setup page on the other. */
    private void setupLink() throws Exception {
        int a = port("a");
        int b = port("b");
        String[] logs = args.get("logs").split(",");
        // Log lines start with their time (yyyy-MM-dd HH:mm:ss): sorted by it, the last link logged is the
        // one an operator would use, and it must work on both nodes.
        TreeMap<String, String> tokens = new TreeMap<>();
        for (String log : logs) {
            for (String line : Files.readAllLines(Path.of(log), StandardCharsets.UTF_8)) {
                Matcher m = SETUP_LINK.matcher(line);
                if (m.find()) {
                    tokens.put(line.substring(0, Math.min(19, line.length())) + " " + log, m.group(1));
                }
            }
        }
        if (tokens.isEmpty()) {
            fail("setup-link", "neither node logged a first-run setup link");
            return;
        }
        String token = tokens.lastEntry().getValue();
        int onA;
        int onB;
        try (Conn ca = new Conn("127.0.0.1", a); Conn cb = new Conn("127.0.0.1", b)) {
            onA = ca.get("/staff/setup?token=" + token).status();
            onB = cb.get("/staff/setup?token=" + token).status();
        }
        check("setup-link", onA == 200 && onB == 200, tokens.size() + " link(s) logged; the last one answers " + onA
                + " on A and " + onB + " on B (both must be 200)");
    }

    private void sessions() throws Exception {
        int a = port("a");
        int b = port("b");
        String session = signIn(a);
        try (Conn sb = staff(b, session)) {
            Conn.Resp list = sb.get("/staff/cases");
            check("session-on-other-node", list.status() == 200 && list.text().contains("/staff/cases/"),
                    "signed in on A; the case list on B with A's cookie answers " + list.status());
        }
        String text = "Drill report: someone shares an edited photo of me in the class chat.";
        String receipt;
        try (Conn ra = new Conn("127.0.0.1", a)) {
            receipt = report(ra, text, false);
        }
        if (receipt == null) {
            fail("receipt-on-other-node", "the report on A showed no receipt");
            return;
        }
        long caseId;
        try (Connection db = db()) {
            caseId = number(db, "SELECT id FROM report_case WHERE receipt_hash = '" + receiptHash(receipt) + "'");
        }
        try (Conn rb = new Conn("127.0.0.1", b)) {
            Conn.Resp f = followUp(rb, receipt);
            check("receipt-on-other-node", f.status() == 200 && caseId > 0, "reported on A (case " + caseId
                    + "); follow-up with the receipt on B answers " + f.status());
        }
        String reply = "Drill reply from staff: thank you, we are looking into it today.";
        try (Conn sb = staff(b, session)) {
            page(sb, "/staff/cases/" + caseId);
            Conn.Resp sent = sb.post("/staff/cases/" + caseId + "/messages", "_csrf=" + sb.formToken + "&message="
                    + enc(reply));
            Conn.Resp shown = sb.get("/staff/cases/" + caseId);
            check("staff-reads-and-replies-on-other-node", sent.status() == 303 && shown.text().contains(text)
                    && shown.text().contains(reply), "case page on B shows the report sent on A; the reply answered "
                    + sent.status());
        }
        try (Conn ra = new Conn("127.0.0.1", a)) {
            Conn.Resp f = followUp(ra, receipt);
            check("reporter-sees-reply", f.status() == 200 && f.text().contains(reply),
                    "the follow-up on A shows the reply sent on B (" + f.status() + ")");
        }
        if (args.containsKey("state")) {
            Files.writeString(Path.of(args.get("state")), "receipt=" + receipt + "\ncase=" + caseId + "\nsession="
                    + session + "\n");
        }
    }

    static String receiptHash(String digits) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(System.getenv("HAVEN_CRYPTO_HMAC_SECRET").strip()),
                "HmacSHA256"));
        mac.update("receipt".getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.UTF_8)));
    }

    // ------------------------------------------------------------------------------------ mail

    /** One message the SMTP server accepted (bench/drills/smtp_sink.py writes them). */
    record Sent(double at, String from, String to, List<Long> cases, String subject) {
    }

    private static List<Sent> mails(Path log) throws IOException {
        List<Sent> out = new ArrayList<>();
        if (!Files.exists(log)) {
            return out;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length < 6) {
                continue;
            }
            List<Long> cases = new ArrayList<>();
            for (String c : f[3].split(",")) {
                if (!c.isBlank()) {
                    cases.add(Long.parseLong(c));
                }
            }
            out.add(new Sent(Double.parseDouble(f[0]), f[1], f[2], cases, f[5]));
        }
        return out;
    }

    /** Waits (at most the given time) until the outbox has nothing left to send, then a little longer. */
    private static boolean drained(Connection db, Duration max) throws Exception {
        long until = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < until) {
            if (number(db, "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL") == 0) {
                // A node that sends a row twice marks it sent on its first copy: give a second copy time to land.
                Thread.sleep(3000);
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** How many new-report notifications each case got, and which cases got none or more than one. */
    private String exactlyOnce(List<Sent> mails, List<Long> cases, String subjectPart, String recipient, int[] bad) {
        Map<Long, Integer> count = new TreeMap<>();
        cases.forEach(c -> count.put(c, 0));
        for (Sent m : mails) {
            if (m.subject().contains(subjectPart) && m.to().equals(recipient)) {
                for (Long c : m.cases()) {
                    count.computeIfPresent(c, (k, v) -> v + 1);
                }
            }
        }
        int none = 0;
        int dup = 0;
        int extra = 0;
        for (int n : count.values()) {
            if (n == 0) {
                none++;
            } else if (n > 1) {
                dup++;
                extra += n - 1;
            }
        }
        bad[0] = none + dup;
        return cases.size() + " cases: " + (cases.size() - none - dup) + " notified once, " + none + " never, " + dup
                + " more than once (" + extra + " duplicate mails)";
    }

    /** Reports spread over both nodes by concurrent clients; returns the receipts (digits) shown. */
    private static List<String> reports(int a, int b, int count, int conns, String tag) throws Exception {
        ConcurrentLinkedQueue<String> receipts = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < conns; t++) {
            int port = t % 2 == 0 ? a : b;
            threads.add(Thread.ofPlatform().start(() -> {
                Conn c = new Conn("127.0.0.1", port);
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    try {
                        String r = report(c, "Drill " + tag + " report " + i + ": pictures of a classmate were edited and"
                                + " shared in a group chat.", false);
                        if (r != null) {
                            receipts.add(r);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        c.close();
                        c = new Conn("127.0.0.1", port);
                    }
                }
                c.close();
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (errors.get() > 0) {
            System.out.println("note: " + errors.get() + " report requests showed no receipt");
        }
        return new ArrayList<>(receipts);
    }

    private void spread() throws Exception {
        int a = port("a");
        int b = port("b");
        int count = Integer.parseInt(args.getOrDefault("count", "200"));
        Path log = Path.of(args.get("mail"));
        try (Connection db = db()) {
            long before = number(db, "SELECT COALESCE(MAX(id), 0) FROM report_case");
            int mailsBefore = mails(log).size();
            long t0 = System.nanoTime();
            List<String> receipts = reports(a, b, count, 8, "spread");
            double s = (System.nanoTime() - t0) / 1e9;
            List<Long> cases = numbers(db, "SELECT id FROM report_case WHERE id > " + before + " ORDER BY id");
            check("spread-stored", receipts.size() == count && cases.size() == count, String.format(java.util.Locale.ROOT,
                    "%d reports over both nodes in %.1f s: %d receipts, %d rows", count, s, receipts.size(), cases.size()));
            boolean empty = drained(db, Duration.ofSeconds(90));
            List<Sent> phase = mails(log).subList(mailsBefore, mails(log).size());
            int[] bad = new int[1];
            String detail = exactlyOnce(phase, cases, "waiting", HANDLER, bad);
            check("spread-notified-once", empty && bad[0] == 0, detail + (empty ? "" : "; the outbox did not drain in 90 s"));
            long alerts = phase.stream().filter(m -> m.subject().contains("unusual")).count();
            check("volume-alert-once", alerts == 1, alerts + " \"unusual number of reports\" mails for one wave of "
                    + count + " reports (must be 1)");
            Map<String, Long> byNode = new TreeMap<>();
            phase.forEach(m -> byNode.merge(m.from(), 1L, Long::sum));
            check("mail-job-on-one-node", byNode.size() == 1, "mail sent by " + byNode
                    + " while both nodes were up (the lease holder only)");
        }
    }

    private void escalation() throws Exception {
        Path log = Path.of(args.get("mail"));
        try (Connection db = db()) {
            long caseId = number(db, "SELECT c.id FROM report_case c WHERE c.urgent = TRUE AND c.acknowledged_at IS NULL"
                    + " AND c.acknowledge_by < NOW(6) ORDER BY c.id LIMIT 1");
            long until = System.nanoTime() + Duration.ofSeconds(75).toNanos();
            while (number(db, "SELECT COUNT(*) FROM case_escalation WHERE case_id = " + caseId) == 0
                    && System.nanoTime() < until) {
                Thread.sleep(500);
            }
            // Both nodes tick every few seconds: give a second escalation every chance to happen.
            Thread.sleep(6000);
            drained(db, Duration.ofSeconds(30));
            long rows = number(db, "SELECT COUNT(*) FROM case_escalation WHERE case_id = " + caseId);
            long mailed = mails(log).stream().filter(m -> m.subject().contains("not been acknowledged")
                    && m.cases().contains(caseId)).count();
            check("escalation-once", rows == 1 && mailed == 1, "overdue case " + caseId + ": " + rows
                    + " escalation rows, " + mailed + " escalation mails (must be 1 and 1)");
        }
    }

    /**
     * A slow SMTP server: each message takes {@code delay} seconds, so a batch outlives the outbox lease
     * and the other node takes the lease while mail is still going out. With expire-lease the lease row
     * is expired once sending has begun (the same state as after its 2 minutes, without waiting them).
     */
    private void slow() throws Exception {
        int a = port("a");
        int b = port("b");
        int count = Integer.parseInt(args.getOrDefault("count", "4"));
        double delay = Double.parseDouble(args.getOrDefault("delay", "6"));
        boolean expire = Boolean.parseBoolean(args.getOrDefault("expire-lease", "true"));
        Path log = Path.of(args.get("mail"));
        Path delayFile = Path.of(args.get("delay-file"));
        try (Connection db = db()) {
            drained(db, Duration.ofSeconds(30));
            long before = number(db, "SELECT COALESCE(MAX(id), 0) FROM report_case");
            int mailsBefore = mails(log).size();
            Files.writeString(delayFile, String.valueOf(delay));
            List<String> receipts = reports(a, b, count, 2, "slow");
            List<Long> cases = numbers(db, "SELECT id FROM report_case WHERE id > " + before + " ORDER BY id");
            if (expire) {
                Thread.sleep(2500);
                try (Statement s = db.createStatement()) {
                    s.executeUpdate("UPDATE job_lease SET expires_at = NOW(6) - INTERVAL 1 SECOND WHERE name = 'mail-outbox'");
                }
            }
            long limit = (long) (count * delay * 2 + 150);
            long until = System.nanoTime() + Duration.ofSeconds(limit).toNanos();
            while (System.nanoTime() < until
                    && number(db, "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL") > 0) {
                Thread.sleep(500);
            }
            // Messages still in the slow server's DATA step land up to one delay later.
            Thread.sleep((long) (delay * 1000) + 2000);
            Files.writeString(delayFile, "0");
            List<Sent> all = mails(log);
            List<Sent> phase = all.subList(mailsBefore, all.size());
            int[] bad = new int[1];
            String detail = exactlyOnce(phase, cases, "waiting", HANDLER, bad);
            Map<String, Long> byNode = new TreeMap<>();
            phase.forEach(m -> byNode.merge(m.from(), 1L, Long::sum));
            check("slow-smtp-no-duplicate", receipts.size() == count && bad[0] == 0, "SMTP answering after " + delay
                    + " s per message" + (expire ? ", lease expired mid-batch" : "") + ": " + detail + "; sent by " + byNode);
        }
    }

    /** Reports to both nodes for a few seconds while the script kills one with -9; every receipt shown is stored. */
    private void burst() throws Exception {
        int a = port("a");
        int b = port("b");
        double seconds = Double.parseDouble(args.getOrDefault("seconds", "8"));
        try (Connection db = db()) {
            long before = number(db, "SELECT COALESCE(MAX(id), 0) FROM report_case");
            ConcurrentLinkedQueue<String> receipts = new ConcurrentLinkedQueue<>();
            AtomicInteger afterKill = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            long end = System.nanoTime() + (long) (seconds * 1e9);
            Path marks = Path.of(args.get("marks"));
            Files.writeString(marks, "started\n");
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int port = t % 2 == 0 ? a : b;
                int n = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    Conn c = new Conn("127.0.0.1", port);
                    int i = 0;
                    while (System.nanoTime() < end) {
                        try {
                            String r = report(c, "Drill burst report " + n + "-" + i++ + ": a photo was edited and shared.",
                                    false);
                            if (r != null) {
                                receipts.add(r);
                                if (port == b && Files.readString(marks).contains("killed")) {
                                    afterKill.incrementAndGet();
                                }
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            c.close();
                            c = new Conn("127.0.0.1", port);
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException ie) {
                                return;
                            }
                        }
                    }
                    c.close();
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            Set<String> stored = new HashSet<>();
            try (Statement s = db.createStatement();
                    ResultSet r = s.executeQuery("SELECT receipt_hash FROM report_case WHERE id > " + before)) {
                while (r.next()) {
                    stored.add(r.getString(1));
                }
            }
            int missing = 0;
            for (String r : receipts) {
                if (!stored.contains(receiptHash(r))) {
                    missing++;
                }
            }
            check("kill-9-no-lost-report", missing == 0 && !receipts.isEmpty() && Files.readString(marks).contains("killed"),
                    receipts.size() + " receipts shown, " + stored.size() + " rows stored, " + missing
                            + " receipted reports missing; " + errors.get() + " requests cut off by the kill");
            check("other-node-serves-after-kill", afterKill.get() > 0, afterKill.get()
                    + " receipts from the surviving node after the kill");
        }
    }

    // ------------------------------------------------------------------------------------ concurrent changes

    /** Runs the two requests at the same moment (each on its own prepared connection); their statuses. */
    private static int[] together(java.util.concurrent.Callable<Integer> first, java.util.concurrent.Callable<Integer> second)
            throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        int[] out = new int[2];
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                start.await();
                out[1] = second.call();
            } catch (Exception e) {
                out[1] = -1;
            }
        });
        start.await();
        try {
            out[0] = first.call();
        } catch (IOException e) {
            out[0] = -1;
        }
        t.join();
        return out;
    }

    /**
     * The issue's concurrency findings across two nodes, with one staff session on both: an assignment
     * on A and a status change on B at once (every change that answered "done" must be kept); the same
     * acknowledgement on both at once (one audit row); reporter replies to one case on both nodes at
     * once (none may answer 500, every one that answered 200 is stored).
     */
    private void concurrency() throws Exception {
        int a = port("a");
        int b = port("b");
        int tries = Integer.parseInt(args.getOrDefault("tries", "10"));
        // The session the sessions step made (a new sign-in would wait for the next TOTP step).
        String session = args.containsKey("state") ? state().get("session") : null;
        if (session == null) {
            session = signIn(a);
        }
        long handler;
        try (Connection db = db()) {
            handler = number(db, "SELECT id FROM staff WHERE email = '" + HANDLER + "'");
        }
        int lost = 0;
        int errors = 0;
        int doubleAudit = 0;
        for (int i = 0; i < 2 * tries; i++) {
            String receipt;
            try (Conn r = new Conn("127.0.0.1", i % 2 == 0 ? a : b)) {
                receipt = report(r, "Drill concurrency report " + i + ": a picture of me was edited.", false);
            }
            long id;
            try (Connection db = db()) {
                id = number(db, "SELECT id FROM report_case WHERE receipt_hash = '" + receiptHash(receipt) + "'");
            }
            Conn ca = staff(a, session);
            Conn cb = staff(b, session);
            page(ca, "/staff/cases/" + id);
            page(cb, "/staff/cases/" + id);
            boolean assignAndStatus = i < tries;
            int[] st;
            if (assignAndStatus) {
                st = together(() -> ca.post("/staff/cases/" + id + "/assign", "_csrf=" + ca.formToken + "&assignee=" + handler)
                        .status(), () -> cb.post("/staff/cases/" + id + "/status", "_csrf=" + cb.formToken
                                + "&status=acknowledged").status());
            } else {
                st = together(() -> ca.post("/staff/cases/" + id + "/status", "_csrf=" + ca.formToken
                        + "&status=acknowledged").status(), () -> cb.post("/staff/cases/" + id + "/status", "_csrf="
                                + cb.formToken + "&status=acknowledged").status());
            }
            ca.close();
            cb.close();
            for (int s : st) {
                if (s >= 500 || s < 0) {
                    errors++;
                }
            }
            try (Connection db = db()) {
                if (assignAndStatus) {
                    long assignee = number(db, "SELECT COALESCE(assignee_id, 0) FROM report_case WHERE id = " + id);
                    long acked = number(db, "SELECT COUNT(*) FROM report_case WHERE status = 'ACKNOWLEDGED' AND id = " + id);
                    if ((st[0] == 303 && assignee != handler) || (st[1] == 303 && acked != 1)) {
                        lost++;
                    }
                } else {
                    long audits = number(db, "SELECT COUNT(*) FROM case_audit WHERE action = 'STATUS' AND case_id = " + id);
                    if (audits != 1) {
                        doubleAudit++;
                    }
                }
            }
        }
        check("no-lost-update", lost == 0, tries + " tries of assign on A and status on B at once: " + lost
                + " lost a change that answered \"done\"");
        check("acknowledge-once", doubleAudit == 0, tries + " tries of the same acknowledgement on A and B at once: "
                + doubleAudit + " left more than one audit row");
        // Reporter replies to one case from both nodes at once.
        String receipt;
        try (Conn r = new Conn("127.0.0.1", a)) {
            receipt = report(r, "Drill concurrency report: replies.", false);
        }
        int n = 2 * tries;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(n);
        int[] status = new int[n];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            Conn c = new Conn("127.0.0.1", i % 2 == 0 ? a : b);
            page(c, "/report/follow-up");
            threads.add(Thread.ofPlatform().start(() -> {
                try (c) {
                    start.await();
                    status[k] = c.post("/report/follow-up/reply", "_csrf=" + c.formToken + "&receipt=" + receipt
                            + "&message=" + enc("Drill reply " + k + " sent at the same moment as the others.")).status();
                } catch (Exception e) {
                    status[k] = -1;
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long ok = java.util.Arrays.stream(status).filter(s -> s == 200).count();
        long failedReplies = java.util.Arrays.stream(status).filter(s -> s >= 500 || s < 0).count();
        long stored;
        try (Connection db = db()) {
            stored = number(db, "SELECT COUNT(*) FROM case_message m JOIN report_case c ON c.id = m.case_id WHERE"
                    + " m.from_reporter = TRUE AND c.receipt_hash = '" + receiptHash(receipt) + "'");
        }
        check("simultaneous-replies", failedReplies == 0 && ok == stored, n + " reporter replies to one case at once on"
                + " both nodes: " + ok + " answered 200, " + failedReplies + " failed (500 or cut), " + stored + " stored");
        check("no-500-on-concurrent-changes", errors == 0, errors + " of " + (4 * tries)
                + " simultaneous staff changes answered 500");
    }

    // ------------------------------------------------------------------------------------ restore

    private Map<String, String> state() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args.get("state")))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    static final String RESTORE_TEXT = "Drill report before the backup: a fake picture of me is going round.";
    static final String RESTORE_REPLY = "Drill staff reply before the backup: we have asked for it to be taken down.";

    private void restorePrepare() throws Exception {
        int port = port("port");
        String receipt;
        try (Conn r = new Conn("127.0.0.1", port)) {
            receipt = report(r, RESTORE_TEXT, false);
        }
        if (receipt == null) {
            fail("restore-prepare", "the report showed no receipt");
            return;
        }
        long caseId;
        try (Connection db = db()) {
            caseId = number(db, "SELECT id FROM report_case WHERE receipt_hash = '" + receiptHash(receipt) + "'");
        }
        String session = signIn(port);
        try (Conn s = staff(port, session)) {
            page(s, "/staff/cases/" + caseId);
            Conn.Resp sent = s.post("/staff/cases/" + caseId + "/messages", "_csrf=" + s.formToken + "&message="
                    + enc(RESTORE_REPLY));
            check("restore-prepare", sent.status() == 303, "report " + caseId + " sent, staff reply answered " + sent.status());
        }
        Files.writeString(Path.of(args.get("state")), "receipt=" + receipt + "\ncase=" + caseId + "\n");
    }

    private void restoreCheck() throws Exception {
        int port = port("port");
        Map<String, String> st = state();
        String caseId = st.get("case");
        String session = signIn(port);
        try (Conn s = staff(port, session)) {
            Conn.Resp list = s.get("/staff/cases");
            Conn.Resp c = s.get("/staff/cases/" + caseId);
            check("restored-staff-page", list.status() == 200 && c.status() == 200 && c.text().contains(RESTORE_TEXT)
                    && c.text().contains(RESTORE_REPLY), "signed in on the restored database; case " + caseId
                    + " answers " + c.status() + " with the report and the reply decrypted");
        }
        try (Conn r = new Conn("127.0.0.1", port)) {
            Conn.Resp f = followUp(r, st.get("receipt"));
            check("restored-receipt", f.status() == 200 && f.text().contains(RESTORE_REPLY),
                    "the receipt issued before the backup opens the follow-up (" + f.status() + ") with the staff reply");
            page(r, "/report/follow-up");
            Conn.Resp reply = r.post("/report/follow-up/reply", "_csrf=" + r.formToken + "&receipt=" + st.get("receipt")
                    + "&message=" + enc("Drill: thank you, it is still there."));
            check("restored-reporter-reply", reply.status() == 200, "the reporter writes back after the restore ("
                    + reply.status() + ")");
        }
    }
}
