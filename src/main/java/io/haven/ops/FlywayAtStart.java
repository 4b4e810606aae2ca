package io.haven.ops;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Flyway at start only when there is something to migrate. Flyway's start-up work (resolving and
 * checksumming every migration, locking and reading its history, validating) costs about 100 ms and
 * Flyway's classes on every start, and almost every start has nothing to migrate. Before the portal's
 * configuration is complete, this reads the newest successful version in {@code flyway_schema_history}
 * and compares it with the newest migration packaged under {@code db/migration}: when they are equal and
 * no migration has failed, it sets {@code quarkus.flyway.migrate-at-start=false} for this start. In every
 * other case (no history table, a pending migration, a failed one, a schema newer than this build, the
 * database out of reach) it leaves the configuration alone and Flyway migrates and validates as before.
 * An environment variable or system property {@code QUARKUS_FLYWAY_MIGRATE_AT_START} still wins (its
 * ordinal is higher). Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class FlywayAtStart implements ConfigSourceFactory {

    /** Above application.properties (250), below environment variables (300) and system properties. */
    static final int ORDINAL = 275;

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]*\\.(?:sql|class)");
    private static final String LOCATION = "db/migration";

    /** What this start decided, for the log line at start-up ({@link FlywayAtStartLog}). */
    static volatile Decision last;

    /** The outcome: whether Flyway is skipped, the two versions compared, and why. */
    public record Decision(boolean skip, String applied, String packaged, String reason) {}

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String url = value(context, "quarkus.datasource.jdbc.url");
        if (url == null
                || !url.startsWith("jdbc:")
                || !"true".equals(value(context, "quarkus.flyway.migrate-at-start"))) {
            return List.of();
        }
        Decision decision = decide(
                url,
                value(context, "quarkus.datasource.username"),
                value(context, "quarkus.datasource.password"),
                newestPackaged(Thread.currentThread().getContextClassLoader()));
        last = decision;
        if (!decision.skip()) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(
                Map.of("quarkus.flyway.migrate-at-start", "false"), "haven-flyway-at-start", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v == null ? null : v.getValue();
    }

    /** Compares the database's newest applied migration with {@code packaged}; never throws. */
    public static Decision decide(String url, String user, String password, Optional<String> packaged) {
        if (packaged.isEmpty()) {
            return new Decision(false, null, null, "no packaged migration found");
        }
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        props.setProperty("password", password == null ? "" : password);
        if (url.startsWith("jdbc:mariadb:")) {
            // A database out of reach must not hold the start up longer than Flyway itself would fail.
            props.setProperty("connectTimeout", "5000");
        }
        String applied = null;
        try (Connection c = DriverManager.getConnection(url, props);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            while (rs.next()) {
                String version = rs.getString(1);
                if (!rs.getBoolean(2)) {
                    return new Decision(false, null, packaged.get(), "a migration has failed");
                }
                if (version != null && (applied == null || compare(version, applied) > 0)) {
                    applied = version;
                }
            }
        } catch (SQLException | RuntimeException e) {
            return new Decision(false, null, packaged.get(), "no migration history (" + e.getMessage() + ")");
        }
        if (applied == null) {
            return new Decision(false, null, packaged.get(), "no migration applied yet");
        }
        int cmp = compare(applied, packaged.get());
        if (cmp == 0) {
            return new Decision(true, applied, packaged.get(), "the schema is at the newest migration");
        }
        return new Decision(
                false,
                applied,
                packaged.get(),
                cmp < 0 ? "a migration is pending" : "the schema is newer than this build");
    }

    /** The newest versioned migration (SQL or Java) under db/migration on the class path. */
    public static Optional<String> newestPackaged(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> dirs = loader.getResources(LOCATION);
            for (URL dir : Collections.list(dirs)) {
                names.addAll(entries(dir));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String newest = null;
        for (String name : names) {
            Matcher m = VERSIONED.matcher(name);
            if (m.matches() && (newest == null || compare(m.group(1), newest) > 0)) {
                newest = m.group(1);
            }
        }
        return Optional.ofNullable(newest);
    }

    private static List<String> entries(URL dir) throws IOException {
        List<String> names = new ArrayList<>();
        if ("jar".equals(dir.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) dir.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry e : Collections.list(jar.entries())) {
                    String n = e.getName();
                    if (n.startsWith(LOCATION + "/") && n.indexOf('/', LOCATION.length() + 1) < 0) {
                        names.add(n.substring(LOCATION.length() + 1));
                    }
                }
            }
        } else if ("file".equals(dir.getProtocol())) {
            String[] files = new File(URLDecoder.decode(dir.getPath(), StandardCharsets.UTF_8)).list();
            if (files != null) {
                names.addAll(List.of(files));
            }
        }
        return names;
    }

    /** Flyway's order of versions: numeric parts, separated by dots or underscores; "1.0" equals "1". */
    static int compare(String a, String b) {
        String[] x = a.split("[._]");
        String[] y = b.split("[._]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            BigInteger p = i < x.length ? new BigInteger(x[i]) : BigInteger.ZERO;
            BigInteger q = i < y.length ? new BigInteger(y[i]) : BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
