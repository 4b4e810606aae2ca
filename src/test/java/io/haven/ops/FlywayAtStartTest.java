package io.haven.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.ScratchDatabase;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway runs at start only when there is something to migrate ({@link FlywayAtStart}): the start's
 * configuration keeps {@code quarkus.flyway.migrate-at-start=true} on an empty database and with a
 * migration pending (so it is applied), and turns it off once the schema is at the newest packaged
 * migration. Runs on the test database kind, like {@code UpgradeMigrationTest} (on MariaDB in a database
 * of its own, -Dtest.db.url's name with "_flyway" appended, dropped afterwards).
 */
class FlywayAtStartTest {

    private ScratchDatabase db;
    private boolean mariadb;
    private String url;
    private String user;
    private String password;

    @BeforeEach
    void freshDatabase() throws SQLException {
        db = ScratchDatabase.open("flyway");
        mariadb = db.mariadb;
        url = db.url;
        user = db.user;
        password = db.password;
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.drop();
    }

    @Test
    void flywayRunsUntilTheSchemaIsAtTheNewestMigrationThenTheStartSkipsIt() throws IOException {
        String newest = newestSourceMigration();
        String previous = secondNewestSourceMigration();
        assertThat(FlywayAtStart.newestPackaged(getClass().getClassLoader()))
                .as("the newest migration found on the class path is the newest in the sources")
                .contains(newest);

        // An empty database: Flyway creates the schema.
        assertThat(migrateAtStart()).isTrue();
        assertThat(FlywayAtStart.last.reason()).startsWith("no migration history");

        // One migration behind (a node started with a new build): Flyway runs and applies it.
        flyway(previous).migrate();
        assertThat(migrateAtStart()).isTrue();
        assertThat(FlywayAtStart.last.reason()).isEqualTo("a migration is pending");
        assertThat(FlywayAtStart.last.applied()).isEqualTo(previous);
        var applied = flyway(null).migrate();
        assertThat(applied.migrationsExecuted).isEqualTo(1);
        assertThat(applied.targetSchemaVersion).isEqualTo(newest);

        // Up to date: the start does not run Flyway at all (neither migrate nor its validation).
        assertThat(migrateAtStart()).isFalse();
        assertThat(FlywayAtStart.last.skip()).isTrue();
        assertThat(FlywayAtStart.last.applied()).isEqualTo(newest);

        // An operator can still force it (an environment variable outranks the decision).
        assertThat(config(Map.of("quarkus.flyway.migrate-at-start", "true"))
                        .getValue("quarkus.flyway.migrate-at-start", Boolean.class))
                .isTrue();
    }

    @Test
    void aFailedMigrationInTheHistoryLeavesFlywayOn() throws SQLException {
        flyway(null).migrate();
        execute(
                url,
                "UPDATE flyway_schema_history SET success = " + (mariadb ? "0" : "FALSE")
                        + " WHERE installed_rank = (SELECT m FROM (SELECT MAX(installed_rank) m FROM flyway_schema_history) t)");
        assertThat(migrateAtStart()).isTrue();
        assertThat(FlywayAtStart.last.reason()).isEqualTo("a migration has failed");
    }

    @Test
    void anUnreachableDatabaseLeavesFlywayOn() {
        var d = FlywayAtStart.decide("jdbc:mariadb://127.0.0.1:1/nothing", "root", "", Optional.of("210"));
        assertThat(d.skip()).isFalse();
    }

    @Test
    void migrationsAreFoundInsideAJarWithFlywaysVersionOrder(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out)) {
            for (String name : List.of(
                    "db/migration/",
                    "db/migration/V009__nine.sql",
                    "db/migration/V10__ten.sql",
                    "db/migration/V10_1__ten_one.sql",
                    "db/migration/V11__Java_one.class",
                    "db/migration/R__repeatable.sql",
                    "db/migration/old/V99__elsewhere.sql",
                    "db/other/V50__other.sql")) {
                j.putNextEntry(new JarEntry(name));
                j.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(FlywayAtStart.newestPackaged(loader)).contains("11");
        }
        assertThat(FlywayAtStart.compare("10_1", "10")).isPositive();
        assertThat(FlywayAtStart.compare("009", "10")).isNegative();
        assertThat(FlywayAtStart.compare("1.0", "1")).isZero();
    }

    /** What quarkus.flyway.migrate-at-start comes to for a start with application.properties' value. */
    private boolean migrateAtStart() {
        return config(Map.of()).getValue("quarkus.flyway.migrate-at-start", Boolean.class);
    }

    private SmallRyeConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(
                        Map.of(
                                "quarkus.datasource.jdbc.url", url,
                                "quarkus.datasource.username", user,
                                "quarkus.datasource.password", password,
                                "quarkus.flyway.migrate-at-start", "true"),
                        "application.properties",
                        250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withSources(new FlywayAtStart())
                .build();
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
        if (target != null) {
            config.target(MigrationVersion.fromVersion(target));
        }
        return config.load();
    }

    private static List<String> sourceMigrations() throws IOException {
        try (Stream<Path> sql = Files.list(Path.of("src/main/resources/db/migration"));
                Stream<Path> java = Files.list(Path.of("src/main/java/db/migration"))) {
            return Stream.concat(sql, java)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*"))
                    .map(n -> n.substring(1, n.indexOf("__")))
                    .sorted((a, b) -> FlywayAtStart.compare(a, b))
                    .toList();
        }
    }

    private static String newestSourceMigration() throws IOException {
        List<String> all = sourceMigrations();
        return all.get(all.size() - 1);
    }

    private static String secondNewestSourceMigration() throws IOException {
        List<String> all = sourceMigrations();
        return all.get(all.size() - 2);
    }

    private void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
