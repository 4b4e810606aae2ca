package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Every TIMESTAMP column becomes a DATETIME(6) holding UTC: MariaDB's TIMESTAMP ends in January 2038,
 * and retention dates and legal holds will pass it.
 *
 * <p>MariaDB: one ALTER TABLE per table with all of its MODIFY clauses (each ALTER copies the table and
 * commits on its own). The conversion runs in the session's own time zone on purpose, not in '+00:00':
 * Hibernate binds every Instant with a UTC calendar, so the portal sent UTC wall-clock text which the
 * server read in the session's zone; reading the columns back in that same zone gives exactly that text,
 * which is what the portal read and what a DATETIME must now hold. (On a server whose zone is UTC both
 * are the same; on any other, '+00:00' would shift every time by the zone's offset.) Nullability and
 * any DEFAULT / ON UPDATE CURRENT_TIMESTAMP a column had (servers older than 10.10 add them implicitly to
 * the first TIMESTAMP NOT NULL column of a table) are carried over. Flyway's own table is left alone.
 *
 * <p>H2 (tests, the demo): TIMESTAMP and DATETIME are one type, but H2 stored each Instant as wall-clock
 * text in the JVM's zone. The connection now runs in UTC (TIME ZONE=UTC in the URL), so every time column
 * is rewritten from the JVM's zone to UTC, the same instants.
 */
public class V190__Timestamps_to_utc_datetime extends BaseJavaMigration {

    /** Flyway's history table keeps its own types. */
    private static final String FLYWAY_TABLE = "flyway_schema_history";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            migrateH2(c);
        } else {
            migrateMariaDb(c);
        }
    }

    private static void migrateMariaDb(Connection c) throws SQLException {
        Map<String, List<String>> clauses = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT table_name, column_name, is_nullable, column_default, extra FROM information_schema.columns"
                                + " WHERE table_schema = DATABASE() AND data_type = 'timestamp' ORDER BY table_name, ordinal_position")) {
            while (r.next()) {
                String table = r.getString(1);
                if (table.equalsIgnoreCase(FLYWAY_TABLE)) {
                    continue;
                }
                clauses.computeIfAbsent(table, t -> new ArrayList<>())
                        .add(modify(r.getString(2), "YES".equals(r.getString(3)), r.getString(4), r.getString(5)));
            }
        }
        try (Statement s = c.createStatement()) {
            for (var table : clauses.entrySet()) {
                s.execute("ALTER TABLE `" + table.getKey() + "` " + String.join(", ", table.getValue()));
            }
        }
    }

    /** The MODIFY clause that keeps a column's nullability and its automatic default or update, if any. */
    static String modify(String column, boolean nullable, String columnDefault, String extra) {
        StringBuilder sql = new StringBuilder("MODIFY `")
                .append(column)
                .append("` DATETIME(6) ")
                .append(nullable ? "NULL" : "NOT NULL");
        String def = columnDefault == null ? "" : columnDefault.trim().toLowerCase(Locale.ROOT);
        if (def.startsWith("current_timestamp")) {
            sql.append(" DEFAULT current_timestamp(6)");
        } else if (!def.isEmpty() && !def.equals("null") && !def.startsWith("'0000-00-00")) {
            sql.append(" DEFAULT ").append(columnDefault);
        }
        if (extra != null && extra.toLowerCase(Locale.ROOT).contains("on update current_timestamp")) {
            sql.append(" ON UPDATE current_timestamp(6)");
        }
        return sql.toString();
    }

    private static void migrateH2(Connection c) throws SQLException {
        String jvmZone = TimeZone.getDefault().getID();
        List<String[]> columns = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA"
                                + " AND LOWER(data_type) = 'timestamp' ORDER BY table_name, ordinal_position")) {
            while (r.next()) {
                if (!r.getString(1).equalsIgnoreCase(FLYWAY_TABLE)) {
                    columns.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        String sessionZone;
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'TIME ZONE'")) {
            r.next();
            sessionZone = r.getString(1);
        }
        try (Statement s = c.createStatement()) {
            // Read the stored wall-clock text as the JVM's zone (an absolute instant), then write it as UTC text.
            s.execute("SET TIME ZONE '" + jvmZone.replace("'", "") + "'");
            for (String[] col : columns) {
                s.execute("ALTER TABLE \"" + col[0] + "\" ALTER COLUMN \"" + col[1]
                        + "\" SET DATA TYPE TIMESTAMP(6) WITH TIME ZONE");
            }
            s.execute("SET TIME ZONE 'UTC'");
            for (String[] col : columns) {
                s.execute("ALTER TABLE \"" + col[0] + "\" ALTER COLUMN \"" + col[1] + "\" SET DATA TYPE TIMESTAMP(6)");
            }
            s.execute("SET TIME ZONE '" + sessionZone.replace("'", "") + "'");
        }
    }
}
