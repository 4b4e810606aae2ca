package io.haven.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, key rotation: every encrypted column of the schema is registered for re-encryption, so no key
 * is reported removable (or removed) while a row still needs it. Encrypted columns end in "_enc"; the few
 * older names that do not are listed here.
 */
@QuarkusTest
class EncryptedColumnsRegistryTest {

    /** Encrypted columns whose names predate the "_enc" convention. */
    static final Set<String> OTHER_ENCRYPTED =
            Set.of("staff.totp_secret", "mail_outbox.subject", "mail_outbox.body_text");

    @Inject
    Instance<EncryptedColumns> registries;

    @Inject
    EntityManager em;

    @Test
    void everyEncryptedColumnOfTheSchemaIsRegisteredForKeyRotation() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                                        + " OR table_schema = 'public'")
                        .getResultList());
        Set<String> schema = rows.stream()
                .map(r -> (r[0] + "." + r[1]).toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> encrypted = schema.stream()
                .filter(c -> c.endsWith("_enc") || OTHER_ENCRYPTED.contains(c))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> registered = registries.stream()
                .flatMap(r -> r.columns().stream())
                .map(c -> (c.table() + "." + c.column()).toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(encrypted).as("encrypted columns in the schema").isNotEmpty().contains("staff.totp_secret");
        assertThat(registered).as("every encrypted column is registered").containsAll(encrypted);
        assertThat(schema).as("every registered column exists").containsAll(registered);
    }
}
