package io.haven.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haven.casework.DeadlineConfig;
import io.haven.crypto.CryptoConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every setting with a fixed set of values refuses anything else when the configuration is read, as at
 * start-up, with a message naming the setting and the values it allows. Built the way Quarkus builds the
 * mappings, without starting the portal.
 */
class SettingsValidationTest {

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withMapping(HavenConfig.class)
                .withMapping(DeadlineConfig.class)
                .withMapping(CryptoConfig.class)
                // Quarkus reads durations such as 24h; plain SmallRye does not.
                .withConverter(java.time.Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build();
    }

    @Test
    void theDefaultsAndGoodValuesAreAccepted() {
        SmallRyeConfig c = config(Map.of(
                "haven.default-jurisdiction",
                "GB",
                "haven.mail.send-every",
                "off",
                "haven.deadlines.purge-every",
                "PT12H",
                "haven.secure-cookies",
                "true"));
        HavenConfig haven = c.getConfigMapping(HavenConfig.class);
        assertThat(haven.defaultJurisdiction()).isEqualTo("gb");
        assertThat(haven.secureCookies()).isTrue();
        assertThat(haven.mail().sendEvery()).isEqualTo("off");
        assertThat(c.getConfigMapping(DeadlineConfig.class).escalateEvery()).isEqualTo("60s");
        assertThat(c.getConfigMapping(CryptoConfig.class).generateKeyFile()).isFalse();
    }

    @Test
    void anUnknownJurisdictionIsRefusedWithTheAllowedValues() {
        assertThatThrownBy(() -> config(Map.of("haven.default-jurisdiction", "de")))
                .hasMessageContaining("haven.default-jurisdiction")
                .hasMessageContaining("\"de\" is not allowed")
                .hasMessageContaining("allowed values: kr, fr, gb, us, eu, au");
    }

    @Test
    void aMistypedFlagIsRefusedInsteadOfMeaningFalse() {
        assertThatThrownBy(() -> config(Map.of("haven.secure-cookies", "ture")))
                .hasMessageContaining("haven.secure-cookies")
                .hasMessageContaining("allowed values: true, false");
        assertThatThrownBy(() -> config(Map.of("haven.crypto.generate-key-file", "yes")))
                .hasMessageContaining("haven.crypto.generate-key-file");
    }

    @Test
    void aScheduleIsADurationOrOff() {
        for (String setting : new String[] {
            "haven.mail.send-every",
            "haven.schools.refresh-every",
            "haven.status.refresh-every",
            "haven.deadlines.escalate-every",
            "haven.deadlines.purge-every",
            "haven.crypto.reencrypt-every"
        }) {
            assertThatThrownBy(() -> config(Map.of(setting, "hourly")))
                    .as(setting)
                    .hasMessageContaining(setting)
                    .hasMessageContaining("a duration such as 15s, 10m or 1h, or off");
        }
        assertThatThrownBy(() -> config(Map.of("haven.mail.send-every", "0s")))
                .hasMessageContaining("haven.mail.send-every");
    }
}
