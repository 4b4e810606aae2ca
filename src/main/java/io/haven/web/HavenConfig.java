package io.haven.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Haven's own settings (the README's configuration table lists each with its environment name). */
@ConfigMapping(prefix = "haven")
public interface HavenConfig {

    /** Jurisdiction whose law and help pages a visitor sees when no school or choice says otherwise. */
    @WithDefault("kr")
    @WithConverter(Settings.Jurisdiction.class)
    String defaultJurisdiction();

    /** Where the quick-exit control leads: a neutral page that does not reveal what was open. */
    @WithDefault("https://www.google.com/search?q=weather")
    String quickExitUrl();

    /** Loads demo school, staff and class at start-up. Never set in production. */
    @WithDefault("false")
    @WithConverter(Settings.Flag.class)
    boolean demoData();

    /** Marks cookies Secure even when the request itself looks like plain HTTP (TLS ends at a proxy). */
    @WithDefault("false")
    @WithConverter(Settings.Flag.class)
    boolean secureCookies();

    /** The portal's public address, for links in e-mails (no trailing slash needed). */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    Content content();

    Mail mail();

    Schools schools();

    Provision provision();

    Status status();

    interface Status {
        /** How often each node reads the status figures behind the management port's haven_* gauges. */
        @WithDefault("60s")
        @WithConverter(Settings.Every.class)
        String refreshEvery();

        /**
         * How old the count of encrypted values under each key may be: counting reads every encrypted column
         * of every case, message and note (tens of seconds of the database's time at a million cases), and
         * keys change only when an operator rotates them.
         */
        @WithDefault("1h")
        java.time.Duration keysEvery();
    }

    interface Schools {
        /**
         * How often each node reloads the schools from the database: the longest a change made on another
         * node takes to reach this one's public pages (report pages read the emergency number fresh).
         */
        @WithDefault("10s")
        @WithConverter(Settings.Every.class)
        String refreshEvery();
    }

    interface Provision {
        /** A YAML file of schools and first administrators, applied at start-up (README, "Deploying for a district"). */
        Optional<String> file();
    }

    interface Mail {
        /** How often the mail outbox is sent ("off" stops the job, as the tests do). */
        @WithDefault("15s")
        @WithConverter(Settings.Every.class)
        String sendEvery();

        /** How long sent mail is kept before it is deleted (it may hold invitation or reset links). */
        @WithDefault("24h")
        java.time.Duration keepSent();
    }

    interface Content {
        /** Optional local folder whose modules, law and help files add to or override the packaged ones. */
        Optional<String> localDir();

        /**
         * Whether the start re-checks the packaged content's wording rules (penalty figures, words for young
         * bands, sentence length, rules A1-A3 of content/README.md). The build already checked them
         * ({@code CurriculumTest}), so production skips them: they were most of the content's load time. The
         * structure of every file is always checked, and a local folder's files always get every rule.
         */
        @WithDefault("false")
        boolean checkPackagedWording();
    }
}
