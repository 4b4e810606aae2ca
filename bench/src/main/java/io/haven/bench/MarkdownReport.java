package io.haven.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/** Writes docs/benchmarks.md from the figures of one run. */
final class MarkdownReport {

    private final Properties r;
    private final StringBuilder md = new StringBuilder();
    private boolean allMet = true;

    MarkdownReport(Properties results) {
        this.r = results;
    }

    boolean write(Path out) throws IOException {
        boolean smoke = "true".equals(r.getProperty("info.smoke"));
        line("# Haven benchmarks");
        line("");
        if (smoke) {
            line("> **Smoke run** (a few seconds per scenario, tiny seed): these figures only show that the harness");
            line("> works. They are not the benchmark; see `docs/benchmarks.md` for a full run.");
            line("");
        }
        line("Measured by `bench/run.sh` on " + v("info.date") + ", portal at commit `" + v("info.commit") + "`. "
                + "Re-run it with the same command; it writes this page again.");
        line("");
        line("**Read the figures as ratios, not absolutes.** The machine has " + v("info.cores")
                + " cores (which other work may share), and the load generator, the portal, MariaDB and nginx"
                + " all run on those same cores over loopback. Each comparison is run side by side in one session, so"
                + " the ratio between its rows is more trustworthy than any single figure.");
        line("");

        line("## Results");
        line("");
        line("| # | scenario | measured | target | |");
        line("| --- | --- | --- | --- | --- |");
        double app = d("lesson.app.wrk.rps");
        double nginx = d("lesson.nginx.wrk.rps");
        double ratio = app / nginx;
        String allPairs = "";
        if (lessonPairs()) {
            allPairs = " (median of three pairs: " + f2(d("lesson.pair.1.ratio")) + ", " + f2(d("lesson.pair.2.ratio"))
                    + ", " + f2(d("lesson.pair.3.ratio")) + " x)";
        }
        row("1", "lesson page throughput vs nginx (same HTML, same wrk settings)",
                f0(app) + " req/s vs " + f0(nginx) + " req/s = **" + f2(ratio) + " x**" + allPairs, ">= 0.8 x nginx",
                ratio >= 0.8);
        if (r.getProperty("lesson.steady.rate") == null) {
            row("2", "lesson page latency at half of max (" + f0(d("lesson.half.target")) + " req/s, open loop)",
                    "p50 " + f2(d("lesson.half.p50")) + " ms, **p99 " + f2(d("lesson.half.p99")) + " ms**", "p99 < 5 ms",
                    d("lesson.half.p99") < 5 && l("lesson.half.errors") == 0);
        } else {
            boolean steady = true;
            StringBuilder p99s = new StringBuilder();
            for (int i = 1; i <= 3; i++) {
                String k = "lesson.steady." + i;
                steady &= d(k + ".p99") < 5 && l(k + ".errors") == 0;
                p99s.append(i > 1 ? ", " : "").append(f2(d(k + ".p99")));
            }
            boolean atHalf = d("lesson.steady.rate") >= d("lesson.half.target") - 1;
            row("2", "lesson page latency, open loop, three runs at " + f0(d("lesson.steady.rate")) + " req/s ("
                    + (atHalf ? "half of max" : "the highest rate at which nginx kept p99 < 5 ms with this client and the"
                            + " machine stayed under 80 % busy while the client drove the portal;"
                            + " half of max is " + f0(d("lesson.half.target")) + " req/s")
                    + ")", "**p99 " + p99s + " ms**" + (atHalf ? "" : " (at half of max: p99 " + f2(d("lesson.half.p99"))
                            + " ms, nginx " + f2(d("lesson.nginx.half.p99")) + " ms)"),
                    "p99 < 5 ms, stable", steady);
        }
        row("3a", "anonymous reports, maximum (closed loop, " + v("info.report_conns") + " clients)",
                "**" + f0(d("reports.max.rps")) + " reports/s**", ">= 1,000 reports/s", d("reports.max.rps") >= 1000);
        long lost = l("reports.receipts") - l("reports.rows");
        row("3b", "reports: rows stored == receipts issued",
                l("reports.rows") + " rows, " + l("reports.receipts") + " receipts: **" + lost + " lost**", "0 lost",
                lost == 0 && l("reports.receipts") > 0);
        row("3c", "reports latency at half of max (" + f0(d("reports.half.target")) + " reports/s, open loop)",
                "p50 " + f2(d("reports.half.p50")) + " ms, **p99 " + f2(d("reports.half.p99")) + " ms**", "p99 < 50 ms",
                d("reports.half.p99") < 50 && l("reports.half.errors") == 0);
        row("4a", "staff case list over " + String.format(Locale.ROOT, "%,d", l("staff.cases"))
                + " cases at half of max (" + f1(d("staff.list.half.target")) + " req/s, open loop)",
                "p50 " + f2(d("staff.list.half.p50")) + " ms, **p99 " + f2(d("staff.list.half.p99")) + " ms**",
                "p99 < 50 ms", d("staff.list.half.p99") < 50 && l("staff.list.half.errors") == 0);
        row("4b", "staff case page at half of max (" + f1(d("staff.case.half.target")) + " req/s, open loop)",
                "p50 " + f2(d("staff.case.half.p50")) + " ms, p99 " + f2(d("staff.case.half.p99")) + " ms",
                "(no target; shown against 50 ms)", d("staff.case.half.p99") < 50 && l("staff.case.half.errors") == 0);
        startupRow();
        boolean idle = r.getProperty("rss.at_end_mb") != null;
        row(
                "5b",
                "resident memory (RSS) after all runs" + (idle ? ", " + v("rss.idle_s") + " s idle after the last" : ""),
                "**" + f0(d("rss.after_mb")) + " MB**"
                        + (idle ? " (at the end of the last run " + f0(d("rss.at_end_mb")) + " MB; " : " (")
                        + "peak " + f0(d("rss.peak_mb")) + " MB)",
                "< 250 MB",
                d("rss.after_mb") < 250);
        twoNodesRow();
        line("");
        line(allMet ? "Every target is met." : "**Not every target is met**: see [What misses and why](#what-misses-and-why).");
        line("");

        line("## Machine and versions");
        line("");
        line("| | |");
        line("| --- | --- |");
        kv("CPU", v("info.cpu") + ", " + v("info.cores") + " cores visible");
        kv("memory", v("info.mem"));
        kv("OS, kernel", v("info.os") + ", " + v("info.kernel"));
        kv("Java", v("info.java"));
        kv("JVM options of the portal", "`" + v("info.jvm_opts") + "`");
        kv("Quarkus", v("info.quarkus"));
        kv("MariaDB", v("info.mariadb"));
        kv("nginx", v("info.nginx") + " (1 worker, access log off, same file as the portal's answer)");
        kv("wrk", v("info.wrk"));
        kv("load average (1, 5, 15 min) before / after the run", v("info.loadavg") + " / " + v("info.loadavg_after")
                + " (on " + v("info.cores") + " cores: the machine was not idle when the run began)");
        line("");

        line("## How it was run");
        line("");
        line("```");
        line(smoke ? "bench/run.sh --smoke" : "bench/run.sh");
        line("```");
        line("");
        line("The one command installs `wrk` and `nginx-light` from Debian when they are missing, builds the portal"
                + " (`./mvnw -B -q package -DskipTests`) and the bench tool (`bench/pom.xml`, a bench-only module"
                + " with HdrHistogram, the MariaDB driver and password4j), creates a fresh database (`haven_bench` unless `BENCH_DB` names another), starts"
                + " the packaged portal once so that Flyway creates the schema, seeds the database, starts the portal"
                + " again (timed), then runs the scenarios in order, and writes this page. Every load loop is bounded"
                + " in time and in count, and all traffic is on 127.0.0.1.");
        line("");
        String opts = v("info.jvm_opts").startsWith("(none") ? "" : v("info.jvm_opts") + " ";
        line("The portal runs in its production profile: `java " + opts + "-jar target/quarkus-app/quarkus-run.jar`"
                + (opts.isEmpty() ? " (the JVM's default options)" : " (the small-deployment options README recommends)") + " with");
        line("");
        line("```");
        line(v("info.env").replace(" HAVEN_", "\nHAVEN_"));
        line("```");
        line("");
        line("Fixed bench keys (never use them for real data). **The per-address abuse limit is raised for the bench**:"
                + " `HAVEN_REPORT_PER_ADDRESS_HOURLY` (passed as `-Dhaven.report.per-address-hourly=" + v("info.per_address")
                + "`), since every bench report comes from one address; with the default (20 per address per hour) the"
                + " 21st report would be answered 429. The school's hourly volume threshold keeps its default (30): past it"
                + " reports are accepted and flagged, and the first flagged one queues the administrators' alert, as in a"
                + " real wave of reports. The mail outbox"
                + " sender is switched off (`HAVEN_MAIL_SEND_EVERY=off`: no SMTP server here); the notification rows are"
                + " still written. The staff idle timeout is raised so that one sign-in lasts the whole run.");
        line("");
        line("Seed: " + String.format(Locale.ROOT, "%,d", l("seed.cases")) + " report cases in one school (`bench-cases`,"
                + " a year of history, most closed, ~" + "5% urgent), encrypted exactly like the portal's (`v1:<key id>:<base64(nonce"
                + " + ciphertext + tag)>`, AES-256-GCM, the column's context such as `report.body` as AAD), one handler"
                + " with HANDLER and ADMIN roles there, an argon2id password hash with the portal's parameters and an"
                + " encrypted TOTP secret; loaded with batched SQL in " + f1(d("seed.seconds")) + " s. The bench signs in"
                + " through the real forms (password, then a TOTP code computed by the client). The reports go to a"
                + " second school (`bench-reports`) with its own handler, so each one is routed and queues a"
                + " notification as in a school that is set up, and the case list stays one school's.");
        line("");

        line("### 1. Lesson page vs nginx");
        line("");
        boolean pairs = lessonPairs();
        line("`" + v("lesson.wrk_cmd") + "` against `" + v("lesson.path") + "` on the portal and on nginx serving the"
                + " very same HTML (" + v("lesson.bytes") + " bytes, saved from the portal's answer), one after the other"
                + " after a " + v("info.warmup") + " s warm-up of each"
                + (pairs
                        ? ", three times in the order portal-nginx, nginx-portal, portal-nginx. The pair with the median"
                                + " ratio (pair " + v("lesson.pair.median") + ") stands for row 1 and for the CPU shares"
                                + " below: on a shared machine one pair is a ratio of two noisy figures."
                        : "."));
        line("");
        line("| pair | server | requests/s | wrk p50 | wrk p99 | errors | portal / nginx |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        if (pairs) {
            for (int i = 1; i <= 3; i++) {
                wrkRow(String.valueOf(i), "portal", "lesson.app." + i, "");
                wrkRow(String.valueOf(i), "nginx", "lesson.nginx." + i, f2(d("lesson.pair." + i + ".ratio")));
            }
        } else {
            wrkRow("1", "portal", "lesson.app", "");
            wrkRow("1", "nginx", "lesson.nginx", f2(ratio));
        }
        line("| | **row 1** | | | | | **" + f2(ratio) + "** |");
        line("");
        line("wrk is closed loop: its latencies are at saturation and hide stalls, so they are shown only for"
                + " reference. The latency target is measured below.");
        line("");

        line("### 2. Lesson page latency at a fixed rate (open loop)");
        line("");
        line("The bench tool's `lesson` command (`Load.open`) sends GETs on a fixed schedule at half of the portal's wrk"
                + " maximum over 16 connections and measures each latency from the moment the request was *due*"
                + " (HdrHistogram, the wrk2 correction for coordinated omission), so a stall counts in full. The same"
                + " rate against nginx, side by side:");
        line("");
        line("| server | rate | requests | p50 | p99 | max | errors | machine busy |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- |");
        openRow("portal", "lesson.half", true);
        openRow("nginx", "lesson.nginx.half", true);
        for (int step = 1; step <= 4; step++) {
            if (r.getProperty("lesson.nginx.steady" + step + ".p99") != null) {
                openRow("nginx, step " + step + " down", "lesson.nginx.steady" + step, true);
            }
            if (r.getProperty("lesson.probe" + step + ".p99") != null) {
                openRow("portal, step " + step + " down (probe)", "lesson.probe" + step, true);
            }
        }
        for (int i = 1; i <= 3; i++) {
            if (r.getProperty("lesson.steady." + i + ".p99") != null) {
                openRow("portal, steady run " + i, "lesson.steady." + i, true);
            }
        }
        line("");
        if (r.getProperty("lesson.steady.rate") != null) {
            line("The client is a JVM on the same cores and costs far more CPU per request than wrk (see \"Where the"
                    + " CPU went\"), so at half of the portal's wrk maximum it may starve whichever server it measures."
                    + " The rate for row 2 is therefore the highest of half of max and 0.7 x steps below it at which"
                    + " nginx, serving the same bytes, keeps its p99 under 5 ms with this client, and the machine"
                    + " still had idle CPU while the client drove the portal at that rate (under 80 % busy, column"
                    + " \"machine busy\"): " + f0(d("lesson.steady.rate")) + " req/s (" + v("lesson.steady.nginx_key")
                    + (r.getProperty("lesson.steady.probe_key") == null ? "" : ", " + v("lesson.steady.probe_key"))
                    + "); the portal is run three times at that rate, and row 2 is met only if all three are.");
            line("");
        }
        line("Each open-loop run begins with " + v("info.warmup") + " s of the same schedule, on the same connections"
                + " and threads, that is not counted: the client is a JVM too, and its own first second showed as"
                + " 50-160 ms of \"latency\" of whichever server it measured. The client reads each page and drops it"
                + " without keeping a copy, and its histograms are moved out of the young generation before the"
                + " schedule starts: its own collections' pauses would otherwise count as the server's latency.");
        line("");
        line("### 3. Anonymous report submission");
        line("");
        line(v("info.report_conns") + " virtual clients each GET `/report` once (the `haven_csrf` cookie and the"
                + " hidden `_csrf` field), then POST the form again and again with that valid token (school"
                + " `bench-reports`, category bullying, affected me, not in danger, a 3-sentence body). A POST"
                + " counts as a receipt only if it answers 200 with the receipt code on the page. Warm-up " + v("info.db_warmup")
                + " s, then the maximum (closed loop), then half of it on the open-loop schedule, whose first "
                + f0(Bench.OPEN_LEAD_IN) + " s (new connections and threads) are not counted. After the runs the"
                + " tool counts the school's rows in `report_case`.");
        line("");
        line("| run | rate | reports | p50 | p99 | max | errors | machine busy |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- |");
        openRow("maximum (closed loop)", "reports.max", true);
        openRow("half load (open loop)", "reports.half", true);
        line("");
        line("Receipts issued (warm-up included): " + v("reports.receipts") + "; rows stored: " + v("reports.rows")
                + "; failed requests: " + v("reports.failed") + ".");
        line("");

        cpuSection();

        line("### 4. Staff case list and case page");
        line("");
        line("Signed in as the seeded handler; the list is `/staff/cases` (the first 200 cases, urgent and open"
                + " first), the case page is `/staff/cases/{id}` for a random one of the seeded cases (which decrypts"
                + " its fields and writes a VIEW audit row, as in real use). " + v("info.staff_conns") + " connections, after a "
                + v("info.db_warmup") + " s warm-up of each page; the open-loop runs' first " + f0(Bench.OPEN_LEAD_IN)
                + " s (new connections and threads) are not counted."
                + " Where a run has only a few dozen requests (the list at 1-2 requests/s), its p99 is in effect the"
                + " slowest request seen.");
        line("");
        line("| page | run | rate | requests | p50 | p99 | max | errors |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String p : new String[] {"list", "case"}) {
            String name = p.equals("list") ? "case list" : "case page";
            openRow(name + " | one client (closed loop)", "staff." + p + ".single", false);
            openRow(name + " | maximum (closed loop)", "staff." + p + ".max", false);
            openRow(name + " | half load (open loop)", "staff." + p + ".half", false);
        }
        line("");

        line("### 5. Start-up and memory");
        line("");
        startupText();
        line("");

        if (!allMet) {
            line("## What misses and why");
            line("");
            line("The benchmark does not change the application code; below is what the run measured about the"
                    + " causes, and what has been changed since earlier runs where findings.md says so.");
            line("");
            include("Reading of the evidence", "findings.md");
            include("Query plan of the case list (the query Hibernate sends for `CaseService.list`, for the seeded handler)",
                    "explain.txt");
            include("JFR during the case list and case page scenario, run again after row 5b (the measured runs record"
                    + " nothing): hottest methods and GC pauses", "jfr-staff.txt");
            include("JFR during the report scenario, run again after row 5b: hottest methods and GC pauses", "jfr-reports.txt");
            include("JFR during the lesson page under wrk, run again after row 5b: hottest methods and GC pauses",
                    "jfr-lesson.txt");
            include("JFR of the first start-up", "jfr-startup.txt");
            include("Heap after the runs (`jcmd GC.heap_info`, `VM.flags`)", "heap.txt");
        }

        growthSection(smoke);
        twoNodes();

        line("## CI smoke mode");
        line("");
        line("```");
        line("bench/run.sh --smoke");
        line("```");
        line("");
        line("The same harness with a 200-case seed and about 2 seconds per scenario; it writes its page to"
                + " `bench/target/smoke-benchmarks.md` (not this file) and exits non-zero when anything fails:"
                + " the build, start-up, sign-in, any request answered with an error, or a report stored without"
                + " its receipt (or the other way round). It does not judge the targets: CI machines are too noisy for"
                + " that. It needs what the full run needs (a JDK, MariaDB at 127.0.0.1:3306 as root, or"
                + " `BENCH_DB_HOST`/`BENCH_DB_PORT`/`BENCH_DB_USER`; apt for wrk and nginx-light if missing) and uses"
                + " its own database (`haven_bench_smoke`) and ports (18090, 18091, 19090)."
                + (r.containsKey("info.smoke_seconds") ? " On this machine it took "
                + v("info.smoke_seconds") + " s, including both Maven builds and two start-ups of the portal." : ""));
        line("");

        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
        return true;
    }

    /** "Growth with a district's data": bench/growth.sh's figures (growth.*), when it ran. */
    private void growthSection(boolean smoke) throws IOException {
        String labels = r.getProperty("growth.labels");
        if (labels == null || labels.isBlank()) {
            return;
        }
        String[] sizes = labels.split(",");
        String last = sizes[sizes.length - 1];
        line("## Growth with a district's data");
        line("");
        line("`bench/growth.sh` (run by `bench/run.sh` after the scenarios above, with their portal stopped): one school's"
                + " cases seeded straight into `report_case` in the portal's encrypted format (multi-row INSERTs of 500),"
                + " each size adding to the last; 2 % of them closed more than the school's 365-day retention ago, 0.1 %"
                + " urgent, unacknowledged and past their 2-hour deadline. At each size the portal starts with both"
                + " case jobs due once a fixed time after start-up (`HAVEN_DEADLINES_ESCALATE_DELAY`,"
                + " `HAVEN_DEADLINES_PURGE_DELAY`, batches of `HAVEN_DEADLINES_BATCH_SIZE`=200): anonymous reports go to"
                + " another school at " + f0(d("growth." + last + ".reports.rate")) + "/s on an open-loop schedule while the"
                + " escalation job and then the retention job run, each job's time is read from its log line, and the"
                + " report latencies due within each job's run are taken apart. Then, the jobs done, the case list"
                + " (`/staff/cases`), a random case page and the statistics page (`/staff/admin/stats`, 12 months)"
                + " are timed with one client, closed loop (each request's own time), after a warm-up."
                + (smoke ? " Smoke sizes, pages on one start and the jobs once at the last size: the figures only show"
                        + " that the part works; the targets are not judged." : ""));
        line("");
        line("| cases | case list p50 / p99 | case page p50 / p99 | statistics p50 / p99 | retention job | escalation job"
                + " | report p99 during retention / escalation / neither |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        for (String l : sizes) {
            String k = "growth." + l + ".";
            line("| " + f0(d(k + "cases")) + " | " + g2(d(k + "list.p50")) + " / " + g2(d(k + "list.p99")) + " ms | "
                    + g2(d(k + "case.p50")) + " / " + g2(d(k + "case.p99")) + " ms | " + g2(d(k + "stats.p50")) + " / "
                    + g2(d(k + "stats.p99")) + " ms | " + jobCell(k + "retention", "purged") + " | "
                    + jobCell(k + "escalation", "escalated") + " | " + g2(d(k + "reports.retention.p99")) + " ("
                    + n(k + "reports.retention.n") + ") / " + g2(d(k + "reports.escalation.p99")) + " ("
                    + n(k + "reports.escalation.n") + ") / " + g2(d(k + "reports.outside.p99")) + " ms |");
        }
        line("");
        line("In brackets: how many reports were due while the job ran. Seeding: " + String.join(", ",
                java.util.Arrays.stream(sizes).map(l -> "+" + f0(d("growth." + l + ".seed_added")) + " cases in "
                        + f1(d("growth." + l + ".seed_seconds")) + " s").toList()) + ".");
        line("");
        String chart = r.getProperty("growth.chart");
        if (chart != null) {
            line("![p99 of the case list, case page, statistics page and of reports during the retention job, against"
                    + " the number of cases](" + chart + ")");
            line("");
        }
        if (!smoke) {
            String k = "growth." + last + ".";
            String at = f0(d(k + "cases")) + " cases";
            line("| target at " + at + " | measured | |");
            line("| --- | --- | --- |");
            growthTarget("case list p99 < 50 ms", g2(d(k + "list.p99")) + " ms", d(k + "list.p99") < 50);
            growthTarget("case page p99 < 50 ms", g2(d(k + "case.p99")) + " ms", d(k + "case.p99") < 50);
            growthTarget("statistics p99 < 200 ms", g2(d(k + "stats.p99")) + " ms", d(k + "stats.p99") < 200);
            growthTarget("report p99 while the retention job runs < 50 ms (as 3c)",
                    g2(d(k + "reports.retention.p99")) + " ms over " + n(k + "reports.retention.n") + " reports",
                    d(k + "reports.retention.p99") < 50);
            growthTarget("the jobs leave nothing due: no purgeable case unpurged, no overdue urgent case unescalated",
                    v(k + "left_due") + " and " + v(k + "left_unescalated"),
                    l(k + "left_due") == 0 && l(k + "left_unescalated") == 0);
            line("");
        }
        Path explain = Path.of(r.getProperty("growth.results_dir", "bench/target/growth")).resolve("growth-explain.txt");
        if (!smoke && Files.exists(explain)) {
            line("<details><summary>Query plans at " + f0(d("growth." + last + ".cases")) + " cases (`ANALYZE`)</summary>");
            line("");
            line("```");
            line(Files.readString(explain, StandardCharsets.UTF_8).strip());
            line("```");
            line("");
            line("</details>");
            line("");
        }
    }

    private String jobCell(String key, String verb) {
        return r.getProperty(key + ".ms") == null ? "–" : g2(d(key + ".ms") / 1000) + " s, " + f0(d(key + ".cases")) + " "
                + verb + " (" + v(key + ".batches") + " batches)";
    }

    /** Two decimals, or a dash where there is no figure (a job that did not run, no report in its window). */
    private static String g2(double x) {
        return Double.isNaN(x) ? "–" : f2(x);
    }

    private String n(String key) {
        return r.getProperty(key, "0");
    }

    private void growthTarget(String what, String measured, boolean met) {
        line("| " + what + " | " + measured + " | " + (met ? "met" : "**missed**") + " |");
    }

    // ---------------------------------------------------------------- two nodes (bench/two-nodes.sh)

    private static final String[][] TWO_NODE_SETUPS = {
        {"direct1", "one node, no proxy"}, {"nginx1", "nginx → one node"}, {"nginx2", "nginx → two nodes"}
    };

    /** The section alone, when bench/two-nodes.sh runs by itself. */
    boolean writeTwoNodesOnly(Path out) throws IOException {
        if ("true".equals(r.getProperty("info.smoke"))) {
            line("> **Smoke run**: a second or so per scenario; these figures only show that the harness works.");
            line("");
        }
        line("Measured by `bench/two-nodes.sh` on " + v("info.date") + ", portal at commit `" + v("info.commit")
                + "`, load average " + v("info.loadavg") + " before the run.");
        line("");
        twoNodes();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
        return true;
    }

    private boolean hasTwoNodes(String setup) {
        return (" " + r.getProperty("twonodes.setups", "") + " ").contains(" " + setup + " ");
    }

    private long twoNodesLost(String setup) {
        String k = "twonodes." + setup + ".reports.";
        return l(k + "receipts") - l(k + "rows");
    }

    private boolean twoNodesFailed() {
        return !"0".equals(r.getProperty("twonodes.failed"));
    }

    /** Row 6 of the results table: reports through nginx to two nodes against one. */
    private void twoNodesRow() {
        if (!hasTwoNodes("nginx2")) {
            return;
        }
        String two = "twonodes.nginx2.reports.";
        String one = "twonodes.nginx1.reports.";
        row("6", "two nodes behind nginx: anonymous reports vs one node behind the same nginx (see"
                        + " [Two nodes behind nginx](#two-nodes-behind-nginx))",
                f0(d(two + "max.rps")) + " vs " + f0(d(one + "max.rps")) + " reports/s = " + f2(d(two + "max.rps")
                        / d(one + "max.rps")) + " x; p99 at half " + f2(d(two + "half.p99")) + " vs "
                        + f2(d(one + "half.p99")) + " ms; **" + twoNodesLost("nginx2") + " lost**, "
                        + l(two + "failed") + " failed; receipts: " + v("twonodes.spread"),
                "0 lost, no errors, both nodes used", !twoNodesFailed() && twoNodesLost("nginx2") == 0);
    }

    private void twoNodes() {
        if (r.getProperty("twonodes.setups") == null) {
            return;
        }
        line("## Two nodes behind nginx");
        line("");
        line("`bench/two-nodes.sh` starts two nodes of the same packaged portal (" + v("twonodes.packaging")
                + "; same JVM options, same keys, `HAVEN_BEHIND_PROXY=true`) on the database `" + v("twonodes.db")
                + "`; both were ready "
                + f2(d("twonodes.ready_ms") / 1000) + " s after launch. Debian's nginx (`worker_processes auto`, access"
                + " log off) balances them round robin: an upstream with `keepalive 64` and a 20 s keep-alive timeout"
                + " (below the portal's 30 s idle timeout), `proxy_http_version 1.1`, `X-Forwarded-For` overwritten"
                + " with the client's address (never appended), `X-Forwarded-Proto` and the `Host` passed on, nothing"
                + " else. A bench-only response header names the node that answered, so that the receipts can be"
                + " counted per node. Each scenario runs in each setup in turn: "
                + (hasTwoNodes("direct1") ? "node A with no proxy, " : "") + "nginx in front of node A alone"
                + " (the proxy's cost apart from the node count), then nginx in front of both. The lesson page: `"
                + v("twonodes.wrk_cmd") + "` after " + v("twonodes.warmup") + " s of warm-up, then the open-loop"
                + " client at " + v("twonodes.open_rate") + " req/s in every setup (half of the lowest wrk maximum,"
                + " a rate each can sustain). The reports: " + v("twonodes.report_conns") + " clients, "
                + v("twonodes.report_warmup") + " s warm-up, the maximum, then half of it on the open-loop schedule,"
                + " and the rows stored counted against the receipts issued."
                + (r.getProperty("twonodes.node_warmup") == null ? ""
                        : " Both nodes get the same warm-up, directly and side by side: wrk on the lesson page for "
                                + v("twonodes.warmup") + " s before the first lesson run, reports for "
                                + v("twonodes.node_warmup") + " s before the first report run, so that no setup"
                                + " measures a node whose JIT is still compiling."));
        line("");
        line("| setup | scenario | throughput | p50 | p99 | errors | lost |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        for (String[] s : TWO_NODE_SETUPS) {
            if (!hasTwoNodes(s[0])) {
                continue;
            }
            String k = "twonodes." + s[0] + ".";
            line("| " + s[1] + " | lesson page, maximum (wrk) | " + f0(d(k + "lesson.wrk.rps")) + " req/s | "
                    + f2(d(k + "lesson.wrk.p50")) + " ms | " + f2(d(k + "lesson.wrk.p99")) + " ms | "
                    + v(k + "lesson.wrk.errors") + " | |");
            line("| " + s[1] + " | lesson page, open loop at " + f0(d(k + "lesson.open.target")) + " req/s | "
                    + f0(d(k + "lesson.open.rps")) + " req/s | " + f2(d(k + "lesson.open.p50")) + " ms | **"
                    + f2(d(k + "lesson.open.p99")) + " ms** | " + v(k + "lesson.open.errors") + " | |");
            line("| " + s[1] + " | reports, maximum (closed loop) | **" + f0(d(k + "reports.max.rps"))
                    + " reports/s** | " + f2(d(k + "reports.max.p50")) + " ms | " + f2(d(k + "reports.max.p99"))
                    + " ms | " + v(k + "reports.max.errors") + " | **" + twoNodesLost(s[0]) + "** of "
                    + v(k + "reports.receipts") + " receipts (warm-up, maximum and half) |");
            line("| " + s[1] + " | reports, open loop at " + f0(d(k + "reports.half.target")) + "/s (half) | "
                    + f0(d(k + "reports.half.rps")) + " reports/s | " + f2(d(k + "reports.half.p50")) + " ms | **"
                    + f2(d(k + "reports.half.p99")) + " ms** | " + v(k + "reports.half.errors")
                    + " | (counted with the maximum) |");
        }
        line("");
        line("wrk's latencies are at saturation (closed loop) and only for reference; the open-loop p99s are the"
                + " latency figures.");
        line("");
        line("**Where the CPU went.** Each process's user + system time from `/proc/<pid>/stat` over the run, as a"
                + " share of the whole machine (100 % = all " + v("twonodes.cores") + " cores): the nodes, nginx (master"
                + " and workers), MariaDB, the client (wrk, or the bench tool's JVM) and everything else on the machine"
                + " (`/proc/stat` minus those, which includes the kernel's interrupt time for the loopback"
                + " traffic). MariaDB's share is the whole server's: on a machine shared with"
                + " other work it includes other databases' queries.");
        line("");
        line("| setup | run | machine busy | node A | node B | nginx | MariaDB | client | other |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String[] s : TWO_NODE_SETUPS) {
            if (!hasTwoNodes(s[0])) {
                continue;
            }
            for (String[] run : new String[][] {{"lesson", "lesson page, wrk maximum"},
                {"reports", "reports: warm-up, maximum and half"}}) {
                String k = "twonodes." + s[0] + "." + run[0] + ".cpu.";
                StringBuilder row = new StringBuilder("| " + s[1] + " | " + run[1]);
                for (String p : new String[] {"busy", "node_a", "node_b", "nginx", "mariadb", "client", "other"}) {
                    row.append(" | ").append(f1(d(k + p))).append(" %");
                }
                line(row.append(" |").toString());
            }
        }
        line("");
        line("**Checks.** Receipts issued through nginx to two nodes, per node: " + v("twonodes.spread")
                + ". A CSRF cookie and form token from node A, posted with a report to node B: "
                + v("twonodes.csrf_cross") + " (the token is a keyed hash of the cookie with the shared HMAC"
                + " secret, bound to no node). Job leases, sampled after every run (a job must stay with one node"
                + " while both run): " + v("twonodes.leases") + ". RSS after the runs: node A "
                + f0(d("twonodes.rss_a_mb")) + " MB, node B " + f0(d("twonodes.rss_b_mb")) + " MB.");
        line("");
        line("**Reading.** " + twoNodesReading());
        line("");
    }

    private String twoNodesReading() {
        double lesson = d("twonodes.nginx2.lesson.wrk.rps") / d("twonodes.nginx1.lesson.wrk.rps");
        double reports = d("twonodes.nginx2.reports.max.rps") / d("twonodes.nginx1.reports.max.rps");
        String c1 = "twonodes.nginx1.lesson.cpu.";
        String c2 = "twonodes.nginx2.lesson.cpu.";
        StringBuilder t = new StringBuilder();
        t.append("Behind the same nginx, two nodes gave ").append(f2(lesson)).append(" x the lesson-page maximum of one")
                .append(" node and ").append(f2(reports)).append(" x its report maximum (").append(more(lesson, reports))
                .append("); the open-loop p99 at the same rate was ").append(f2(d("twonodes.nginx2.lesson.open.p99")))
                .append(" ms with two nodes against ").append(f2(d("twonodes.nginx1.lesson.open.p99")))
                .append(" ms with one. ");
        if (hasTwoNodes("direct1")) {
            t.append("The proxy hop alone: one node behind nginx reached ")
                    .append(f2(d("twonodes.nginx1.lesson.wrk.rps") / d("twonodes.direct1.lesson.wrk.rps")))
                    .append(" x the lesson-page maximum and ")
                    .append(f2(d("twonodes.nginx1.reports.max.rps") / d("twonodes.direct1.reports.max.rps")))
                    .append(" x the report maximum of the same node without it. ");
        }
        t.append("This machine cannot show scaling, and the CPU table says why: during the lesson run with two nodes")
                .append(" the machine was ").append(f1(d(c2 + "busy"))).append(" % busy, node A taking ")
                .append(f1(d(c2 + "node_a"))).append(" %, node B ").append(f1(d(c2 + "node_b"))).append(" %, nginx ")
                .append(f1(d(c2 + "nginx"))).append(" %, the client ").append(f1(d(c2 + "client")))
                .append(" % and MariaDB ").append(f1(d(c2 + "mariadb"))).append(" %; with one node, it took ")
                .append(f1(d(c1 + "node_a"))).append(" % and nginx ").append(f1(d(c1 + "nginx")))
                .append(" %. Two JVMs, MariaDB, nginx and the client share the same ").append(v("twonodes.cores"))
                .append(" cores: a second node brings no CPU of its own, it splits between two processes what the")
                .append(" client, nginx and MariaDB leave, and adds its own overhead (a second JIT, heap and connection")
                .append(" pool). ");
        double leastOther = Double.MAX_VALUE;
        double mostOther = 0;
        for (String[] s : TWO_NODE_SETUPS) {
            for (String run : new String[] {"lesson", "reports"}) {
                double o = d("twonodes." + s[0] + "." + run + ".cpu.other");
                if (hasTwoNodes(s[0]) && !Double.isNaN(o)) {
                    leastOther = Math.min(leastOther, o);
                    mostOther = Math.max(mostOther, o);
                }
            }
        }
        // A few per cent of "other" is the kernel's interrupt time for the loopback traffic; more is other work.
        if (mostOther >= 15) {
            t.append("**Other work shared the machine during this run**: it took ").append(f1(leastOther))
                    .append(" to ").append(f1(mostOther)).append(" % of it (the \"other\" column), unevenly from run")
                    .append(" to run, so even the ratios between setups above are not to be trusted; run it again on an")
                    .append(" idle machine. ");
        }
        if (!twoNodesFailed() && twoNodesLost("nginx2") == 0) {
            t.append("What the run does show is that two nodes behind a balancer work as one portal: no report lost,")
                    .append(" no failed request, the reports spread over both nodes, a form token from one node")
                    .append(" accepted by the other");
            t.append(r.getProperty("twonodes.leases", "").contains(" 1 holder(s)")
                    ? ", and each job's lease kept by one node. "
                    : " (no scheduled job took a lease in a run this short). ");
        } else {
            t.append("**The run failed a check** (" + v("twonodes.failed") + " failed steps; see the figures above and"
                    + " the nodes' logs under `" + v("info.results_dir") + "/twonodes`). ");
        }
        t.append("A scaling figure needs each node on cores of its own, and the client on another machine.");
        return t.toString();
    }

    private static String more(double lesson, double reports) {
        if (lesson > 1.05 && reports > 1.05) {
            return "more on both";
        }
        if (lesson < 0.95 && reports < 0.95) {
            return "less on both: the second node costs more than it brings here";
        }
        return "no clear gain";
    }

    private void include(String title, String file) throws IOException {
        Path p = Path.of(r.getProperty("info.results_dir", "bench/target/results")).resolve(file);
        if (!Files.exists(p)) {
            return;
        }
        line("### " + title);
        line("");
        String text = Files.readString(p, StandardCharsets.UTF_8).strip();
        if (file.endsWith(".md")) {
            line(text);
        } else {
            line("```");
            line(text);
            line("```");
        }
        line("");
    }

    /** Where the CPU went in rows 1-3, and what that says about the targets on this machine. */
    private void cpuSection() {
        if (r.getProperty("reports.max.cpu.busy") == null) {
            return;
        }
        line("### Where the CPU went (rows 1-3)");
        line("");
        line("Shares of the whole machine (" + v("info.cores_measured") + " cores = 100 %) during each run, from"
                + " `/proc/stat` and each process's `/proc/<pid>/stat`: the server under test (the portal, or nginx for"
                + " its rows), MariaDB, the client (wrk, or the bench tool's JVM) and everything else; then the CPU"
                + " each request took of one core.");
        line("");
        line("| run | machine busy | server | MariaDB | client | other | server per request | MariaDB per request | client per request |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String[] run : new String[][] {
            {"lesson.app", "lesson, portal, wrk maximum"}, {"lesson.nginx", "lesson, nginx, wrk maximum"},
            {"lesson.half", "lesson, portal, open loop at half"}, {"lesson.nginx.half", "lesson, nginx, open loop at half"},
            {"reports.max", "reports, maximum"}, {"reports.half", "reports, open loop at half"}}) {
            String k = run[0];
            if (r.getProperty(k + ".cpu.busy") == null) {
                continue;
            }
            line("| " + run[1] + " | " + f1(d(k + ".cpu.busy")) + " % | " + f1(d(k + ".cpu.server")) + " % | "
                    + f1(d(k + ".cpu.db")) + " % | " + f1(d(k + ".cpu.client")) + " % | " + f1(d(k + ".cpu.other"))
                    + " % | " + f1(d(k + ".cpu_us.server")) + " us | " + f1(d(k + ".cpu_us.db")) + " us | "
                    + f1(d(k + ".cpu_us.client")) + " us |");
        }
        line("");
        double cores = d("info.cores_measured");
        double portalUs = d("lesson.app.cpu_us.server");
        double nginxUs = d("lesson.nginx.cpu_us.server");
        double wrkUs = d("lesson.app.cpu_us.client");
        double reportUs = d("reports.max.cpu_us.server");
        double reportDbUs = d("reports.max.cpu_us.db");
        double reportClientUs = d("reports.max.cpu_us.client");
        line("**Reading.** Row 1: the portal took " + f1(portalUs) + " us of CPU per lesson page and nginx "
                + f1(nginxUs) + " us for the same bytes, while wrk took " + f1(wrkUs) + " us per request of the same"
                + " cores; with both servers sharing the machine with wrk, 0.8 x nginx's rate needs the portal at"
                + " about " + f1(nginxUs / 0.8 + wrkUs * 0.25) + " us per request or less (it is "
                + f1(portalUs / (nginxUs / 0.8 + wrkUs * 0.25)) + " x that). Row 3: a report took " + f0(reportUs)
                + " us of the portal's CPU and " + f0(reportDbUs) + " us of MariaDB's, and the client " + f0(reportClientUs)
                + " us; at that cost the " + f0(cores) + " cores can carry at most "
                + f0(cores * 1e6 / (reportUs + reportDbUs + reportClientUs)) + " reports/s with this client, or "
                + f0(cores * 1e6 / (reportUs + reportDbUs)) + " reports/s with a client that cost nothing; 1,000"
                + " reports/s would take " + f2((reportUs + reportDbUs) / 1000) + " cores for the portal and MariaDB"
                + " alone. The machine was " + f1(d("reports.max.cpu.busy")) + " % busy during the maximum run.");
        line("");
    }

    /** Whether row 1 was measured as three pairs (runs before round 5 measured one). */
    private boolean lessonPairs() {
        return r.getProperty("lesson.pair.median") != null;
    }

    private void wrkRow(String pair, String server, String key, String ratio) {
        line("| " + pair + " | " + server + " | " + f0(d(key + ".wrk.rps")) + " | " + f2(d(key + ".wrk.p50")) + " ms | "
                + f2(d(key + ".wrk.p99")) + " ms | " + v(key + ".wrk.errors") + " | " + ratio + " |");
    }

    /** One run of a latency table; {@code busy} adds the machine's busy share (recorded for rows 1-3 only). */
    private void openRow(String name, String key, boolean busy) {
        line("| " + name + " | " + (d(key + ".target") > 0 ? f1(d(key + ".target")) + "/s" : "max") + " | "
                + v(key + ".ok") + " in " + f1(d(key + ".seconds")) + " s (" + f1(d(key + ".rps")) + "/s) | "
                + f2(d(key + ".p50")) + " ms | " + f2(d(key + ".p99")) + " ms | " + f2(d(key + ".max")) + " ms | "
                + v(key + ".errors") + " |"
                + (busy ? " " + (r.getProperty(key + ".cpu.busy") == null ? "" : f0(d(key + ".cpu.busy")) + " %") + " |"
                        : ""));
    }

    private void row(String n, String what, String measured, String target, boolean met) {
        allMet &= met;
        line("| " + n + " | " + what + " | " + measured + " | " + target + " | " + (met ? "met" : "**missed**") + " |");
    }

    private void kv(String k, String value) {
        line("| " + k + " | " + value + " |");
    }

    private void line(String s) {
        md.append(s).append('\n');
    }

    private String v(String key) {
        return r.getProperty(key, "?");
    }

    private double d(String key) {
        try {
            return Double.parseDouble(r.getProperty(key, "NaN"));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private long l(String key) {
        double x = d(key);
        return Double.isNaN(x) ? -1 : (long) x;
    }

    private static String f0(double x) {
        return String.format(Locale.ROOT, "%,.0f", x);
    }

    private static String f1(double x) {
        return String.format(Locale.ROOT, "%,.1f", x);
    }

    private static String f2(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    /** Row 5a: the start as it ships (aot-jar, and on JDK 25 the AOT cache trained by docker/aot-train.sh). */
    private void startupRow() {
        boolean aot = "true".equals(r.getProperty("startup.aot"));
        row("5a", "start-up to ready (`/q/health/ready` answers 200), seeded database, as shipped ("
                + (aot ? "aot-jar with the AOT cache trained by `docker/aot-train.sh`" : "aot-jar, no AOT cache") + ")",
                "**" + f2(d("startup.ready_ms") / 1000) + " s** (" + v("startup.cpu_s") + " s of CPU; Quarkus reports started in "
                        + v("startup.quarkus_s") + " s)",
                "< 2 s", d("startup.ready_ms") < 2000);
    }

    /** Section 5's text: how the start was made and measured, and the memory after the runs. */
    private void startupText() {
        boolean aot = "true".equals(r.getProperty("startup.aot"));
        line("The portal is packaged as it ships: Quarkus's `aot-jar` (`application.properties`)"
                + (aot ? ", with the JDK's AOT cache trained by `docker/aot-train.sh` as the image build does (against"
                        + " a throwaway MariaDB server: a first start creates the schema, a second one, which skips Flyway as"
                        + " production starts do, serves the first pages and writes the cache as its JVM exits; "
                        + v("startup.aot_train_s") + " s, cache " + v("startup.aot_mb") + " MB), and every start"
                        + " after the first, the timed one and the one the scenarios ran on, used it (`-XX:AOTCache`, same"
                        + " JVM options as the training; `-XX:AOTMode=on` so that an unusable cache fails the run)."
                        : ", without an AOT cache (JDK older than 25, or `BENCH_AOT=0`)."));
        line("");
        line("Time from launching `java -jar` to the first 200 from `/q/health/ready` (polled every 20 ms), on the"
                + " seeded database: " + f0(d("startup.ready_ms")) + " ms, during which the JVM used "
                + v("startup.cpu_s") + " s of CPU (user + system, all threads, from `/proc/<pid>/stat`), RSS "
                + v("startup.rss_mb") + " MB at ready (the mapped cache counts in RSS). Flyway "
                + ("skipped".equals(r.getProperty("startup.flyway")) ? "was skipped (the schema was at the newest migration)"
                        : "ran")
                + ". The very first start on the empty database, without the cache and with Flyway creating the schema,"
                + " took " + f0(d("startup.first_ready_ms")) + " ms. The portal's own log says the content (lessons, law,"
                + " help) loaded in " + v("startup.content_ms") + " ms. RSS is read from `/proc/<pid>/status` after every"
                + " scenario has run"
                + (r.getProperty("rss.at_end_mb") == null ? ""
                        : " (" + f0(d("rss.at_end_mb")) + " MB as the last run stopped, then " + v("rss.idle_s")
                                + " s later, idle: the README's options trim glibc's free memory every 5 s)")
                + ": VmRSS " + f0(d("rss.after_mb")) + " MB, VmHWM (peak) " + f0(d("rss.peak_mb")) + " MB"
                + (r.getProperty("rss.anon_mb") == null ? "." : " (anonymous memory " + f0(d("rss.anon_mb"))
                        + " MB, file-backed pages such as the JDK's module image, the AOT cache and jars "
                        + f0(d("rss.file_mb")) + " MB)."));
        if (r.getProperty("rss.region.heap") != null) {
            line("");
            line("Where that memory lies, from the portal's mappings (`/proc/<pid>/smaps`; the heap and the code cache by"
                    + " their address ranges from `jcmd GC.heap_info` and `Compiler.codecache`, the AOT cache by its file):");
            line("");
            line("| Java heap | compiled code | AOT cache, written (relocated) | AOT cache, read from the file |"
                    + " other anonymous (metaspace, thread stacks, malloc) | other files (jars, libraries) |");
            line("| --- | --- | --- | --- | --- | --- |");
            line("| " + f0(d("rss.region.heap")) + " MB | " + f0(d("rss.region.code")) + " MB | "
                    + f0(d("rss.region.aot_anon")) + " MB | " + f0(d("rss.region.aot_file")) + " MB | "
                    + f0(d("rss.region.other_anon")) + " MB | " + f0(d("rss.region.other_file")) + " MB |");
        }
    }
}
