package io.haven.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1 column: 8 digits, 30-second steps, the ASCII key "12345678901234567890". */
    @Test
    void rfc6238TestVectors() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        long[][] vectors = {
            {59L, 94287082},
            {1111111109L, 7081804},
            {1111111111L, 14050471},
            {1234567890L, 89005924},
            {2000000000L, 69279037},
            {20000000000L, 65353130}
        };
        for (long[] v : vectors) {
            assertThat(Totp.code(key, Totp.step(Instant.ofEpochSecond(v[0])), 8))
                    .as("T=" + v[0])
                    .isEqualTo(String.format("%08d", v[1]));
        }
    }

    @Test
    void base32RoundTripsAndMatchesTheRfcKey() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.base32(key)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(key);
        String s = Totp.newSecret();
        assertThat(s).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.base32(Totp.base32Decode(s))).isEqualTo(s);
    }

    @Test
    void acceptsOneStepOfDriftAndRefusesUsedSteps() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        assertThat(Totp.verify(secret, Totp.code(secret, step), now, 0)).isEqualTo(step);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, 0)).isEqualTo(step - 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now, 0)).isEqualTo(step + 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now, 0)).isEqualTo(-1);
        assertThat(Totp.verify(secret, Totp.code(secret, step + 2), now, 0)).isEqualTo(-1);
        // Replay: the step was used already, so neither it nor an earlier one counts.
        assertThat(Totp.verify(secret, Totp.code(secret, step), now, step)).isEqualTo(-1);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, step)).isEqualTo(-1);
        assertThat(Totp.verify(secret, "12345", now, 0)).isEqualTo(-1);
        assertThat(Totp.verify(secret, "abcdef", now, 0)).isEqualTo(-1);
        String spaced = Totp.code(secret, step).replaceAll("(...)(...)", "$1 $2");
        assertThat(Totp.verify(secret, spaced, now, 0)).isEqualTo(step);
    }

    @Test
    void otpauthUriNamesIssuerAndAccount() {
        assertThat(Totp.otpauthUri("Haven", "anna@school.org", "ABCDEF"))
                .isEqualTo(
                        "otpauth://totp/Haven:anna%40school.org?secret=ABCDEF&issuer=Haven&algorithm=SHA1&digits=6&period=30");
        assertThat(QrImage.of("otpauth://totp/Haven:a?secret=ABCDEF").path()).matches("[Mhvz0-9,-]+");
    }
}
