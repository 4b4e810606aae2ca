package io.haven;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An empty database of a test's own, on the suite's database kind: on MariaDB (-Dtest.db=mariadb) one named
 * after -Dtest.db.url's database with a suffix, on H2 an in-memory one. For tests that run Flyway themselves
 * and must not touch the suite's schema; {@link #drop} removes it afterwards.
 */
public final class ScratchDatabase {

    public final boolean mariadb;
    public final String url;
    public final String user;
    public final String password;
    private final String serverUrl;
    private final String database;

    private ScratchDatabase(
            boolean mariadb, String url, String user, String password, String serverUrl, String database) {
        this.mariadb = mariadb;
        this.url = url;
        this.user = user;
        this.password = password;
        this.serverUrl = serverUrl;
        this.database = database;
    }

    /** Creates it empty (dropping what an earlier run left). */
    public static ScratchDatabase open(String suffix) throws SQLException {
        if ("mariadb".equals(System.getProperty("test.db", "h2"))) {
            String base = System.getProperty("test.db.url", "jdbc:mariadb://127.0.0.1:3306/haven_test");
            int slash = base.indexOf('/', "jdbc:mariadb://".length());
            int query = base.indexOf('?', slash);
            String serverUrl = base.substring(0, slash + 1);
            String database = (query < 0 ? base.substring(slash + 1) : base.substring(slash + 1, query)) + "_" + suffix;
            ScratchDatabase db = new ScratchDatabase(
                    true,
                    serverUrl + database + (query < 0 ? "" : base.substring(query)),
                    System.getProperty("test.db.user", "root"),
                    System.getProperty("test.db.password", ""),
                    serverUrl,
                    database);
            db.execute(serverUrl, "DROP DATABASE IF EXISTS `" + database + "`");
            db.execute(
                    serverUrl, "CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            return db;
        }
        ScratchDatabase db = new ScratchDatabase(
                false,
                "jdbc:h2:mem:haven_" + suffix
                        + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;TIME ZONE=UTC",
                "sa",
                "",
                null,
                null);
        db.execute(db.url, "DROP ALL OBJECTS");
        return db;
    }

    public void drop() throws SQLException {
        if (mariadb) {
            execute(serverUrl, "DROP DATABASE IF EXISTS `" + database + "`");
        } else {
            execute(url, "DROP ALL OBJECTS");
        }
    }

    private void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
