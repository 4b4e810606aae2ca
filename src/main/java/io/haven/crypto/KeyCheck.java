package io.haven.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Loads and checks the key ring when the portal starts, so a missing, malformed or wrong key stops the
 * start with a message naming the setting, instead of a portal that reports ready and then loses every
 * report to a 500. Readiness repeats the check with an encryption round trip.
 */
@ApplicationScoped
public class KeyCheck {

    @Inject
    KeyRing ring;

    @Inject
    FieldCipher cipher;

    @Inject
    EntityManager em;

    void onStart(@Observes StartupEvent event) {
        Map<String, String> fingerprints = ring.fingerprints();
        roundTrip();
        QuarkusTransaction.requiringNew().run(() -> {
            if (ring.generatedNow()
                    && ((Number) em.createNativeQuery("SELECT COUNT(*) FROM report_case")
                                            .getSingleResult())
                                    .longValue()
                            > 0) {
                throw new IllegalStateException("New keys were generated, but this database already holds encrypted "
                        + "reports: restore the key file (HAVEN_CRYPTO_KEY_FILE) instead");
            }
        });
        for (Map.Entry<String, String> k : fingerprints.entrySet()) {
            String known = stored(k.getKey());
            if (known == null) {
                try {
                    QuarkusTransaction.requiringNew()
                            .run(() -> em.createNativeQuery(
                                            "INSERT INTO crypto_key (key_id, fingerprint, first_seen) VALUES (?1, ?2, ?3)")
                                    .setParameter(1, k.getKey())
                                    .setParameter(2, k.getValue())
                                    .setParameter(3, Instant.now())
                                    .executeUpdate());
                    continue;
                } catch (RuntimeException raced) {
                    // Another node starting at the same moment stored it first: compare with what it stored.
                    known = stored(k.getKey());
                    if (known == null) {
                        throw raced;
                    }
                }
            }
            if (!known.trim().equals(k.getValue())) {
                throw new IllegalStateException("HAVEN_CRYPTO_KEYS: key " + k.getKey() + " is not the key " + k.getKey()
                        + " this database was encrypted with (its fingerprint differs); give each new key a new id");
            }
        }
    }

    private String stored(String keyId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> known = em.createNativeQuery("SELECT fingerprint FROM crypto_key WHERE key_id = ?1")
                    .setParameter(1, keyId)
                    .getResultList();
            return known.isEmpty() ? null : known.get(0);
        });
    }

    void roundTrip() {
        String probe = "haven key check";
        if (!probe.equals(cipher.decrypt("crypto.check", cipher.encrypt("crypto.check", probe)))) {
            throw new IllegalStateException("The key ring does not decrypt what it encrypts");
        }
    }
}
