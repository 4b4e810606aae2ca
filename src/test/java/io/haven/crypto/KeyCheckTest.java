package io.haven.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Security audit M4 and L8: a missing, malformed, short or wrong key stops the start with a message naming the setting. */
@QuarkusTest
class KeyCheckTest {

    static final String GOOD = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String HMAC = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVowMTIzNDU=";

    @Inject
    KeyCheck check;

    @Inject
    EntityManager em;

    record Config(Optional<String> keys, Optional<String> hmacSecret, Optional<String> keyFile, boolean generateKeyFile)
            implements CryptoConfig {
        @Override
        public String reencryptEvery() {
            return "1h";
        }
    }

    static String loadFails(Config c) {
        KeyRing ring = new KeyRing();
        ring.config = c;
        try {
            ring.load();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("the key ring loaded with " + c);
    }

    @Test
    void badKeysAreRefusedWithTheSettingNamed() throws Exception {
        assertThat(loadFails(new Config(Optional.empty(), Optional.empty(), Optional.empty(), false)))
                .contains("HAVEN_CRYPTO_KEYS");
        assertThat(loadFails(new Config(Optional.of("k1:not base64!"), Optional.of(HMAC), Optional.empty(), false)))
                .contains("HAVEN_CRYPTO_KEYS", "k1", "base64");
        assertThat(loadFails(new Config(Optional.of("k1:AAEC"), Optional.of(HMAC), Optional.empty(), false)))
                .contains("HAVEN_CRYPTO_KEYS", "32 bytes");
        assertThat(loadFails(new Config(Optional.of("k1:" + GOOD), Optional.of("c2hvcnQ="), Optional.empty(), false)))
                .contains("HAVEN_CRYPTO_HMAC_SECRET", "32 bytes");
        Path missing = Files.createTempDirectory("haven-keys").resolve("keys.properties");
        assertThat(loadFails(new Config(Optional.empty(), Optional.empty(), Optional.of(missing.toString()), false)))
                .contains("HAVEN_CRYPTO_KEY_FILE");
    }

    @Test
    void aDifferentKeyUnderAKnownIdStopsTheStart() {
        check.onStart(null);
        String saved = QuarkusTransaction.requiringNew()
                .call(() -> (String) em.createNativeQuery("SELECT fingerprint FROM crypto_key WHERE key_id = 'k1'")
                        .getSingleResult());
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("UPDATE crypto_key SET fingerprint = ?1 WHERE key_id = 'k1'")
                            .setParameter(1, "0".repeat(64))
                            .executeUpdate());
            assertThatThrownBy(() -> check.onStart(null))
                    .hasMessageContaining("HAVEN_CRYPTO_KEYS")
                    .hasMessageContaining("k1");
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("UPDATE crypto_key SET fingerprint = ?1 WHERE key_id = 'k1'")
                            .setParameter(1, saved)
                            .executeUpdate());
        }
        check.roundTrip();
    }
}
