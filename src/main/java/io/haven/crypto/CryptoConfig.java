package io.haven.crypto;

import io.haven.web.Settings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where the encryption keys and the keyed-hash secret come from: configuration or a file, never the database. */
@ConfigMapping(prefix = "haven.crypto")
public interface CryptoConfig {

    /**
     * Data keys as {@code id:base64-of-32-bytes}, comma separated. The last one encrypts; all decrypt.
     * Environment: HAVEN_CRYPTO_KEYS.
     */
    Optional<String> keys();

    /** Secret for keyed hashes (receipts, audit chain), base64 of at least 32 bytes. Environment: HAVEN_CRYPTO_HMAC_SECRET. */
    Optional<String> hmacSecret();

    /**
     * A key file (properties: {@code keys=...}, {@code hmac-secret=...}) used when the values above are not set.
     * Environment: HAVEN_CRYPTO_KEY_FILE.
     */
    Optional<String> keyFile();

    /** How often old-key values are moved to the current key. */
    @WithDefault("1h")
    @WithConverter(Settings.Every.class)
    String reencryptEvery();

    /** Create the key file with fresh keys if it does not exist (the embedded demo run only). */
    @WithDefault("false")
    @WithConverter(Settings.Flag.class)
    boolean generateKeyFile();
}
