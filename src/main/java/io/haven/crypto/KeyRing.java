package io.haven.crypto;

import io.quarkus.arc.Unremovable;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The data keys (AES-256) and the keyed-hash secret. Every value encrypted names the key it used, so
 * a new key can take over encryption while older keys still decrypt until rows are re-encrypted.
 * Losing the keys loses every report: README explains how to back them up.
 *
 * <p>Unremovable: until a feature injects it, Quarkus would drop the unused bean and with it the
 * {@code haven.crypto} mapping, and then refuse to start because the configured keys map to nothing.
 */
@Unremovable
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CryptoConfig config;

    private Map<String, SecretKey> keys;
    private String currentId;
    private byte[] hmacSecret;
    private boolean generatedNow;

    @PostConstruct
    void load() {
        String keySpec = config.keys().orElse(null);
        String hmac = config.hmacSecret().orElse(null);
        if ((keySpec == null || hmac == null) && config.keyFile().isPresent()) {
            Properties file = readOrCreate(Path.of(config.keyFile().get()));
            keySpec = keySpec != null ? keySpec : file.getProperty("keys");
            hmac = hmac != null ? hmac : file.getProperty("hmac-secret");
        }
        if (keySpec == null || keySpec.isBlank() || hmac == null || hmac.isBlank()) {
            throw new IllegalStateException("No encryption keys: set HAVEN_CRYPTO_KEYS and HAVEN_CRYPTO_HMAC_SECRET, "
                    + "or HAVEN_CRYPTO_KEY_FILE (see README, 'Keys')");
        }
        keys = parseKeys(keySpec);
        currentId = keys.keySet().stream().reduce((a, b) -> b).orElseThrow();
        try {
            hmacSecret = Base64.getDecoder().decode(hmac.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("HAVEN_CRYPTO_HMAC_SECRET (haven.crypto.hmac-secret) is not valid base64");
        }
        if (hmacSecret.length < 32) {
            throw new IllegalStateException(
                    "HAVEN_CRYPTO_HMAC_SECRET (haven.crypto.hmac-secret) must be at least 32 bytes");
        }
    }

    static Map<String, SecretKey> parseKeys(String spec) {
        Map<String, SecretKey> out = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("HAVEN_CRYPTO_KEYS: a key is written id:base64 (key id missing)");
            }
            String id = p.substring(0, colon);
            if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalStateException("Key id '" + id + "' must be 1-16 letters, digits, - or _");
            }
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(p.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("HAVEN_CRYPTO_KEYS: key " + id + " is not valid base64");
            }
            if (raw.length != 32) {
                throw new IllegalStateException(
                        "HAVEN_CRYPTO_KEYS: key " + id + " must be 32 bytes (AES-256), not " + raw.length);
            }
            out.put(id, new SecretKeySpec(raw, "AES"));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("HAVEN_CRYPTO_KEYS (haven.crypto.keys) names no key");
        }
        return out;
    }

    private Properties readOrCreate(Path file) {
        Properties p = new Properties();
        try {
            if (!Files.exists(file)) {
                if (!config.generateKeyFile()) {
                    throw new IllegalStateException("HAVEN_CRYPTO_KEY_FILE: key file " + file + " does not exist");
                }
                // Generating keys is for the embedded demo (and tests) only: in production it would put a new
                // k1 over data encrypted under the old one and make every report unreadable.
                java.util.List<String> profiles = io.quarkus.runtime.configuration.ConfigUtils.getProfiles();
                if (!profiles.contains("demo") && !profiles.contains("test")) {
                    throw new IllegalStateException("haven.crypto.generate-key-file is only for the demo run; key file "
                            + file + " does not exist");
                }
                generatedNow = true;
                Files.createDirectories(file.toAbsolutePath().getParent());
                p.setProperty("keys", "k1:" + randomBase64());
                p.setProperty("hmac-secret", randomBase64());
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    p.store(w, "Haven keys. Back this file up: without it no report can be read.");
                }
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: rely on the folder's permissions.
                }
                LOG.warnf("Generated new encryption keys in %s: back this file up, losing it loses every report", file);
                return p;
            }
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String randomBase64() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    public String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    SecretKey key(String id) {
        SecretKey k = keys.get(id);
        if (k == null) {
            throw new IllegalStateException("Value encrypted with key '" + id + "', which is not in the key ring");
        }
        return k;
    }

    /** Whether this start created the key file (the demo run's first start). */
    boolean generatedNow() {
        return generatedNow;
    }

    /** Key ids with a fingerprint of each key (HMAC of a constant under the key): names a key without revealing it. */
    Map<String, String> fingerprints() {
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach((id, k) -> {
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(k.getEncoded(), "HmacSHA256"));
                out.put(
                        id,
                        java.util.HexFormat.of()
                                .formatHex(mac.doFinal("haven key fingerprint".getBytes(StandardCharsets.UTF_8))));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }

    byte[] hmacSecret() {
        return hmacSecret.clone();
    }
}
