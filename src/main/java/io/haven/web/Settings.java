package io.haven.web;

import io.quarkus.runtime.configuration.DurationConverter;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Converters for the settings that take one of a fixed set of values. A value outside the set stops the
 * start-up with a message naming the setting (SmallRye adds it) and the values it allows, instead of being
 * read as something else: a mistyped "ture" for secure cookies would otherwise quietly mean false.
 */
public final class Settings {

    private Settings() {}

    static String refuse(String value, String allowed) {
        throw new IllegalArgumentException("\"" + value + "\" is not allowed; allowed values: " + allowed);
    }

    /** One of the jurisdictions Haven has law and help content for. */
    public static final class Jurisdiction implements Converter<String> {
        @Override
        public String convert(String value) {
            String id = Jurisdictions.valid(value);
            return id != null ? id : refuse(value, String.join(", ", Jurisdictions.IDS));
        }
    }

    /** true or false, nothing else. */
    public static final class Flag implements Converter<Boolean> {
        @Override
        public Boolean convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return Boolean.valueOf(v);
            }
            refuse(value, "true, false");
            return null;
        }
    }

    /** How often a scheduled job runs: a duration (15s, 10m, 1h, PT15S) or off. */
    public static final class Every implements Converter<String> {

        static final List<String> OFF = List.of("off", "disabled");

        @Override
        public String convert(String value) {
            String v = value.trim();
            if (OFF.contains(v.toLowerCase(Locale.ROOT))) {
                return v;
            }
            try {
                if (!DurationConverter.parseDuration(v).isNegative()
                        && !DurationConverter.parseDuration(v).isZero()) {
                    return v;
                }
            } catch (RuntimeException notADuration) {
                // refused below
            }
            return refuse(value, "a duration such as 15s, 10m or 1h, or off");
        }
    }
}
