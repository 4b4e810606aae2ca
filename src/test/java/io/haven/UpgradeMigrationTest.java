package io.haven;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An upgrade from the first released schema (V001 to V110) to the latest: a row in every table of
 * that schema, then every later migration, then every row and every value of the first schema's
 * columns must still be there. Runs on the test database kind (-Dtest.db=mariadb runs it on MariaDB,
 * in a database of its own named after -Dtest.db.url's with "_upgrade" appended, dropped afterwards).
 */
class UpgradeMigrationTest {

    /** The last migration of the first release. */
    static final String FIRST_RELEASE = "110";

    private ScratchDatabase db;
    private boolean mariadb;
    private String url;
    private String user;
    private String password;

    @BeforeEach
    void freshDatabase() throws SQLException {
        db = ScratchDatabase.open("upgrade");
        mariadb = db.mariadb;
        url = db.url;
        user = db.user;
        password = db.password;
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.drop();
    }

    private Flyway flyway(String target) {
        return flyway(url, target);
    }

    private Flyway flyway(String jdbcUrl, String target) {
        var config = Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration");
        if (target != null) {
            config.target(MigrationVersion.fromVersion(target));
        }
        return config.load();
    }

    @Test
    void everyRowOfTheFirstReleaseSurvivesTheUpgrade() throws SQLException {
        flyway(FIRST_RELEASE).migrate();
        Map<String, List<Map<String, String>>> before;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            assertThat(version(c)).isEqualTo(FIRST_RELEASE);
            fillEveryTable(c);
            before = snapshot(c, tables(c));
        }
        List<String> empty = before.entrySet().stream()
                .filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
        assertThat(empty)
                .as("tables of the first release without a row in this test")
                .isEmpty();
        assertThat(before).hasSizeGreaterThanOrEqualTo(22);

        var result = flyway(null).migrate();
        assertThat(result.success).isTrue();
        String latest = flyway(null)
                .info()
                .all()[flyway(null).info().all().length - 1]
                .getVersion()
                .getVersion();

        try (Connection c = DriverManager.getConnection(url, user, password)) {
            assertThat(version(c)).as("the schema is at the newest migration").isEqualTo(latest);
            Map<String, List<Map<String, String>>> after = snapshot(c, new ArrayList<>(before.keySet()));
            for (var table : before.entrySet()) {
                List<Map<String, String>> now = after.get(table.getKey());
                assertThat(now).as("rows of " + table.getKey()).hasSameSizeAs(table.getValue());
                for (int i = 0; i < table.getValue().size(); i++) {
                    Map<String, String> old = new TreeMap<>(table.getValue().get(i));
                    // Dropped on purpose (V189: the reporter's language was stored and never read).
                    if (table.getKey().equals("report_case")) {
                        assertThat(now.get(i)).doesNotContainKey("language");
                        old.remove("language");
                        assertThat(now.get(i).get("case_number"))
                                .as("numbered per school")
                                .isEqualTo(String.valueOf(i + 1));
                    }
                    Map<String, String> kept = new TreeMap<>(now.get(i));
                    kept.keySet().retainAll(old.keySet());
                    assertThat(kept)
                            .as("row %d of %s, its first-release columns", i, table.getKey())
                            .isEqualTo(old);
                }
            }
            // And the upgraded data reads as the portal reads it: the case with its school, staff and messages.
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT c.body_enc, s.slug, st.email,"
                            + " m.body_enc FROM report_case c JOIN school s ON s.id = c.school_id JOIN staff st ON st.id ="
                            + " c.assignee_id JOIN case_message m ON m.case_id = c.id WHERE c.id = 1")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("v1:k1:report-body");
                assertThat(r.getString(2)).isEqualTo("upgrade-school");
                assertThat(r.getString(3)).isEqualTo("lead@upgrade.example.org");
                assertThat(r.getString(4)).isEqualTo("v1:k1:staff-message");
            }
        }
    }

    /** The last migration before times moved to DATETIME. */
    static final String BEFORE_DATETIME = "188";

    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    /** Binds an instant as the portal does: Hibernate gives MariaDB UTC text and H2 the Instant itself. */
    private void setInstant(PreparedStatement p, int index, Instant value) throws SQLException {
        if (mariadb) {
            p.setTimestamp(index, Timestamp.from(value), UTC);
        } else {
            p.setObject(index, value);
        }
    }

    private Instant getInstant(ResultSet r, int index) throws SQLException {
        return mariadb ? r.getTimestamp(index, UTC).toInstant() : r.getObject(index, Instant.class);
    }

    /**
     * Times written by the portal before the move read back as the same instants after it, on a database
     * session whose zone is not UTC (MariaDB: a session zone of +09:00; H2: a JVM and so a session in
     * Asia/Seoul, whose wall clock H2 stored; H2 caches the JVM zone, hence the zone in the URL too). Converting in '+00:00' on MariaDB, or not converting on H2, shifts them by nine hours.
     */
    @Test
    void timesWrittenBeforeTheMoveReadTheSameAfterIt() throws SQLException {
        Instant created = Instant.parse("2026-03-02T09:15:30.123456Z");
        Instant hold = Instant.parse("2027-07-01T23:30:00Z");
        TimeZone jvmZone = TimeZone.getDefault();
        String seoulSession = mariadb
                ? url + (url.contains("?") ? "&" : "?") + "sessionVariables=time_zone='+09:00'"
                : url.replace(";TIME ZONE=UTC", ";TIME ZONE=Asia/Seoul");
        try {
            if (!mariadb) {
                TimeZone.setDefault(TimeZone.getTimeZone("Asia/Seoul"));
            }
            flyway(seoulSession, BEFORE_DATETIME).migrate();
            try (Connection c = DriverManager.getConnection(seoulSession, user, password)) {
                exec(
                        c,
                        "INSERT INTO school (id, slug, name, jurisdiction, default_language, time_zone, created_at)"
                                + " VALUES (1, 'tz-school', 'Time Zone School', 'kr', 'ko', 'Asia/Seoul', TIMESTAMP '2026-01-01 00:00:00')");
                try (PreparedStatement p =
                        c.prepareStatement("INSERT INTO report_case (id, school_id, category, affected,"
                                + " danger_now, urgent, volume_flagged, status, receipt_hash, language, created_at, acknowledge_by,"
                                + " review_by, updated_at, legal_hold, legal_hold_since) VALUES (1, 1, 'SEXTORTION', 'ME', FALSE, FALSE,"
                                + " FALSE, 'NEW', ?, 'ko', ?, ?, ?, ?, TRUE, ?)")) {
                    p.setString(1, "a".repeat(64));
                    for (int i = 2; i <= 5; i++) {
                        setInstant(p, i, created);
                    }
                    setInstant(p, 6, hold);
                    p.executeUpdate();
                }
                assertThat(readCase(c)).containsExactly(created, hold);
            }
            flyway(seoulSession, null).migrate();
            if (mariadb) {
                try (Connection c = DriverManager.getConnection(seoulSession, user, password)) {
                    assertThat(readCase(c)).as("read in the same session zone").containsExactly(created, hold);
                }
            }
        } finally {
            TimeZone.setDefault(jvmZone);
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            assertThat(readCase(c)).as("read in a UTC session").containsExactly(created, hold);
            if (mariadb) {
                try (Statement s = c.createStatement();
                        ResultSet r = s.executeQuery(
                                "SELECT CAST(legal_hold_since AS CHAR)" + " FROM report_case WHERE id = 1")) {
                    r.next();
                    assertThat(r.getString(1)).as("the column holds UTC").startsWith("2027-07-01 23:30:00");
                }
            }
        }
    }

    private List<Instant> readCase(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT created_at, legal_hold_since FROM report_case WHERE id = 1")) {
            assertThat(r.next()).isTrue();
            return List.of(getInstant(r, 1), getInstant(r, 2));
        }
    }

    /** Retention dates and legal holds pass January 2038, where MariaDB's TIMESTAMP ended. */
    @Test
    void aTimeAfter2038RoundTripsInEveryTimeColumn() throws SQLException {
        flyway(null).migrate();
        Instant after2038 = Instant.parse("2040-01-01T00:00:00Z");
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            exec(
                    c,
                    "INSERT INTO school (id, slug, name, jurisdiction, default_language, time_zone, created_at)"
                            + " VALUES (1, 'late-school', 'Late School', 'kr', 'ko', 'Asia/Seoul', TIMESTAMP '2026-01-01 00:00:00')");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO report_case (id, school_id, category, affected,"
                    + " danger_now, urgent, volume_flagged, status, receipt_hash, case_number, created_at, acknowledge_by,"
                    + " review_by, updated_at, closed_at, purged_at, legal_hold, legal_hold_since) VALUES (1, 1, 'SEXTORTION',"
                    + " 'ME', FALSE, FALSE, FALSE, 'CLOSED', ?, 1, ?, ?, ?, ?, ?, ?, TRUE, ?)")) {
                p.setString(1, "b".repeat(64));
                for (int i = 2; i <= 8; i++) {
                    setInstant(p, i, after2038);
                }
                p.executeUpdate();
            }
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT created_at, acknowledge_by, review_by,"
                            + " updated_at, closed_at, purged_at, legal_hold_since FROM report_case WHERE id = 1")) {
                assertThat(r.next()).isTrue();
                for (int i = 1; i <= 7; i++) {
                    assertThat(getInstant(r, i)).as("column %d", i).isEqualTo(after2038);
                }
            }
            if (mariadb) {
                try (Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("SELECT table_name, column_name FROM"
                                + " information_schema.columns WHERE table_schema = DATABASE() AND data_type = 'timestamp'"
                                + " AND table_name <> 'flyway_schema_history'")) {
                    assertThat(r.next()).as("a TIMESTAMP column is left").isFalse();
                }
            }
        }
    }

    /**
     * A server older than MariaDB 10.10 gave the first TIMESTAMP NOT NULL column of each table an implicit
     * DEFAULT and ON UPDATE CURRENT_TIMESTAMP; the move keeps what the column had rather than changing its
     * behaviour.
     */
    @Test
    void automaticDefaultsOfATimestampColumnAreKept() throws SQLException {
        org.junit.jupiter.api.Assumptions.assumeTrue(mariadb, "H2 never added automatic defaults");
        String oldServer = url + (url.contains("?") ? "&" : "?") + "sessionVariables=explicit_defaults_for_timestamp=0";
        flyway(oldServer, BEFORE_DATETIME).migrate();
        assertThat(defaultAndExtra("school", "created_at"))
                .as("before")
                .matches("(?i)current_timestamp.*on update current_timestamp.*");
        flyway(null).migrate();
        assertThat(defaultAndExtra("school", "created_at"))
                .as("after")
                .matches("(?i)datetime current_timestamp\\(6\\) on update current_timestamp\\(6\\)");
        assertThat(defaultAndExtra("staff_token", "used_at"))
                .as("a nullable column stays nullable")
                .startsWith("datetime");
    }

    private String defaultAndExtra(String table, String column) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement p = c.prepareStatement(
                        "SELECT data_type, column_default, extra FROM information_schema.columns WHERE table_schema = DATABASE()"
                                + " AND table_name = ? AND column_name = ?")) {
            p.setString(1, table);
            p.setString(2, column);
            try (ResultSet r = p.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1).equals("timestamp")
                        ? r.getString(2) + " " + r.getString(3)
                        : r.getString(1) + " " + r.getString(2) + " " + r.getString(3);
            }
        }
    }

    private static String version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL"
                                + " ORDER BY installed_rank DESC")) {
            r.next();
            return r.getString(1);
        }
    }

    private List<String> tables(Connection c) throws SQLException {
        String sql =
                "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema = "
                        + (mariadb ? "DATABASE()" : "'public'") + " ORDER BY table_name";
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                String t = r.getString(1).toLowerCase(java.util.Locale.ROOT);
                if (!t.equals("flyway_schema_history")) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Every row of every table, ordered by its first column (the key), as column name to text. */
    private static Map<String, List<Map<String, String>>> snapshot(Connection c, List<String> tables)
            throws SQLException {
        Map<String, List<Map<String, String>>> out = new TreeMap<>();
        for (String t : tables) {
            List<Map<String, String>> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT * FROM " + t + " ORDER BY 1")) {
                ResultSetMetaData md = r.getMetaData();
                while (r.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), r.getString(i));
                    }
                    rows.add(row);
                }
            }
            out.put(t, rows);
        }
        return out;
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            p.executeUpdate();
        }
    }

    /** One row (or more) in each of the first release's 22 tables, with every optional column filled where it can be. */
    private static void fillEveryTable(Connection c) throws SQLException {
        Instant now = Instant.parse("2026-03-02T09:15:30.123456Z");
        Timestamp t = Timestamp.from(now);
        Timestamp later = Timestamp.from(now.plus(2, ChronoUnit.HOURS));
        Timestamp week = Timestamp.from(now.plus(7, ChronoUnit.DAYS));
        String h64 = "0123456789abcdef".repeat(4);
        exec(
                c,
                "INSERT INTO school (id, slug, name, jurisdiction, default_language, time_zone, quick_exit_url,"
                        + " emergency_number, created_at, notify_category, escalation_interval_minutes, retention_days)"
                        + " VALUES (1, 'upgrade-school', 'Upgrade High School', 'kr', 'ko', 'Asia/Seoul', 'https://example.org/',"
                        + " '112', ?, TRUE, 120, 400)",
                t);
        exec(
                c,
                "INSERT INTO mail_outbox (id, recipient, subject, body_text, created_at, next_attempt_at, attempts,"
                        + " last_error, sent_at, failed_at) VALUES (1, 'lead@upgrade.example.org', 'Haven: a report is waiting',"
                        + " 'A report is waiting.', ?, ?, 3, 'SMTPException', NULL, NULL)",
                t,
                later);
        exec(
                c,
                "INSERT INTO mail_outbox (id, recipient, subject, body_text, created_at, next_attempt_at, attempts,"
                        + " last_error, sent_at, failed_at) VALUES (2, 'lead@upgrade.example.org', 'sent', 'sent', ?, ?, 1, NULL, ?,"
                        + " NULL)",
                t,
                t,
                later);
        exec(c, "INSERT INTO job_lease (name, holder, expires_at) VALUES ('mail-outbox', 'node-1', ?)", later);
        exec(
                c,
                "INSERT INTO staff (id, email, display_name, password_hash, active, totp_secret, totp_enrolled_at,"
                        + " totp_last_step, session_epoch, created_at) VALUES (1, 'lead@upgrade.example.org', 'Designated Lead',"
                        + " '$argon2id$v=19$m=19456,t=4,p=1$c2FsdA$aGFzaA', TRUE, 'v1:k1:totp-secret', ?, 5, 2, ?)",
                t,
                t);
        exec(
                c,
                "INSERT INTO staff_role (id, staff_id, school_id, role) VALUES (1, 1, 1, 'ADMIN'), (2, 1, 1, 'HANDLER')");
        exec(
                c,
                "INSERT INTO staff_recovery_code (id, staff_id, code_hash, created_at, used_at) VALUES (1, 1, ?, ?, ?)",
                h64,
                t,
                later);
        exec(
                c,
                "INSERT INTO staff_token (id, purpose, token_hash, staff_id, school_id, created_at, expires_at, used_at)"
                        + " VALUES (1, 'INVITE', ?, 1, 1, ?, ?, NULL)",
                "f".repeat(64),
                t,
                week);
        exec(
                c,
                "INSERT INTO report_case (id, school_id, category, affected, danger_now, urgent, volume_flagged, status,"
                        + " receipt_hash, language, where_enc, when_enc, body_enc, contact_enc, created_at, acknowledge_by,"
                        + " review_by, acknowledged_at, closed_at, updated_at, assignee_id, about_staff_id, outcome,"
                        + " outcome_reason_enc, duplicate_of_id, incident_id, purged_at, legal_hold, legal_hold_since,"
                        + " legal_hold_by, legal_hold_reason_enc) VALUES (1, 1, 'SEXTORTION', 'ME', TRUE, TRUE, FALSE,"
                        + " 'ACKNOWLEDGED', ?, 'ko', 'v1:k1:where', 'v1:k1:when', 'v1:k1:report-body', 'v1:k1:contact', ?, ?, ?,"
                        + " ?, NULL, ?, 1, NULL, NULL, NULL, NULL, 1, NULL, TRUE, ?, 1, 'v1:k1:hold-reason')",
                h64,
                t,
                later,
                week,
                later,
                later,
                later);
        exec(
                c,
                "INSERT INTO report_case (id, school_id, category, affected, danger_now, urgent, volume_flagged, status,"
                        + " receipt_hash, language, body_enc, created_at, acknowledge_by, review_by, acknowledged_at, closed_at,"
                        + " updated_at, about_staff_id, outcome, outcome_reason_enc, duplicate_of_id, incident_id, purged_at)"
                        + " VALUES (2, 1, 'ADULT_CONCERN', 'FRIEND', FALSE, FALSE, TRUE, 'CLOSED', ?, 'en', NULL, ?, ?, ?, ?, ?, ?,"
                        + " 1, 'DUPLICATE', 'v1:k1:reason', 1, 1, ?)",
                "e".repeat(64),
                t,
                later,
                week,
                later,
                week,
                week,
                week);
        exec(
                c,
                "INSERT INTO case_message (id, case_id, from_reporter, staff_id, body_enc, created_at) VALUES"
                        + " (1, 1, FALSE, 1, 'v1:k1:staff-message', ?), (2, 1, TRUE, NULL, 'v1:k1:reporter-message', ?)",
                t,
                later);
        exec(
                c,
                "INSERT INTO routing_rule (id, school_id, category, staff_id) VALUES (1, 1, 'SEXTORTION', 1),"
                        + " (2, 1, NULL, 1)");
        exec(
                c,
                "INSERT INTO case_audit (id, school_id, case_id, staff_id, action, detail, created_at, prev_hash, row_hash)"
                        + " VALUES (1, 1, 1, 1, 'CASE_VIEWED', 'viewed', ?, NULL, ?)",
                t,
                h64);
        exec(
                c,
                "INSERT INTO case_note (id, case_id, staff_id, body_enc, created_at) VALUES (1, 1, 1, 'v1:k1:note', ?)",
                t);
        exec(
                c,
                "INSERT INTO classroom (id, school_id, owner_id, name, band, language, join_code, code_open,"
                        + " code_expires_on, seat_cap, archived_at, created_at) VALUES (1, 1, 1, '7B', '11-13', 'ko', 'K7B2QX9M',"
                        + " TRUE, ?, 30, NULL, ?)",
                java.sql.Date.valueOf(LocalDate.of(2026, 7, 20)),
                t);
        exec(
                c,
                "INSERT INTO class_seat (id, classroom_id, nickname, nickname_key, resume_hash, created_at) VALUES"
                        + " (1, 1, 'Blue Fox', 'blue fox', ?, ?)",
                h64,
                t);
        exec(
                c,
                "INSERT INTO class_assignment (id, classroom_id, module_id, band, due_on, created_at) VALUES"
                        + " (1, 1, 'if-it-happens', '11-13', ?, ?)",
                java.sql.Date.valueOf(LocalDate.of(2026, 3, 20)),
                t);
        exec(
                c,
                "INSERT INTO class_progress (id, seat_id, module_id, read_at, completed_at, last_score, best_score,"
                        + " question_count) VALUES (1, 1, 'if-it-happens', ?, ?, 3, 4, 5)",
                t,
                later);
        exec(
                c,
                "INSERT INTO class_answer (id, seat_id, module_id, question_id, correct, answered_at) VALUES"
                        + " (1, 1, 'if-it-happens', 'q1', TRUE, ?)",
                later);
        exec(c, "UPDATE audit_head SET last_id = 1, last_hash = ? WHERE id = 1", h64);
        exec(
                c,
                "INSERT INTO case_referral (id, case_id, school_id, kind, reference_enc, reason_none_enc, staff_id,"
                        + " created_at) VALUES (1, 1, 1, 'POLICE', 'v1:k1:reference', NULL, 1, ?)",
                later);
        exec(
                c,
                "INSERT INTO case_close_request (id, case_id, school_id, requested_by, outcome, reason_enc,"
                        + " duplicate_of_id, created_at) VALUES (1, 1, 1, 1, 'RESOLVED', 'v1:k1:close-reason', NULL, ?)",
                later);
        exec(
                c,
                "INSERT INTO school_deadline (id, school_id, category, acknowledge_minutes, review_minutes) VALUES"
                        + " (1, 1, 'SEXTORTION', 60, 1440)");
        exec(
                c,
                "INSERT INTO case_escalation (id, case_id, school_id, sent_at, recipients) VALUES (1, 1, 1, ?, 2)",
                later);
    }
}
