package io.haven.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Receipt codes and the audit chain are stored as these hashes: one computed differently after a change
 * would leave every stored receipt unfindable. Pinned against HMAC-SHA256 computed here from the test
 * profile's secret, on several threads and more than once on each (the Mac is kept per thread).
 */
@QuarkusTest
class KeyedHashTest {

    /** %test.haven.crypto.hmac-secret in application.properties. */
    static final byte[] TEST_SECRET = Base64.getDecoder().decode("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVowMTIzNDU=");

    @Inject
    KeyedHash hash;

    static String expected(String purpose, String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TEST_SECRET, "HmacSHA256"));
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void isTheHmacOfPurposeAndValueOnEveryThreadEveryTime() throws Exception {
        String receipt = expected("receipt", "1234567890123456");
        String audit = expected("audit", "a row");
        assertThat(receipt).isNotEqualTo(expected("receipt", "1234567890123457"));
        for (int i = 0; i < 3; i++) {
            assertThat(hash.hex("receipt", "1234567890123456")).isEqualTo(receipt);
            assertThat(hash.hex("audit", "a row")).isEqualTo(audit);
        }
        CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> hash.hex("audit", "a row"));
        assertThat(other.get()).isEqualTo(audit);
        // Different purposes never share a hash for the same value.
        assertThat(hash.hex("audit", "1234567890123456")).isNotEqualTo(receipt);
    }
}
