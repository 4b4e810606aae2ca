package io.haven.staff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The most common passwords of public breach corpora, bundled with the application so the check needs no
 * network (source, version and licence in {@code breached-passwords.README.md} beside the list).
 * <p>
 * Held as a sorted array of 64-bit hashes of the lower-cased entries rather than as strings: about 0.9 MB
 * of heap for 115,381 entries, where a {@code HashSet<String>} of the same list costs over ten times that.
 * A different password sharing a 64-bit hash with one of the entries is refused too; with this many
 * entries the chance is about one in 10^14, and the cost is only a second choice of password.
 */
final class BreachedPasswords {

    static final String RESOURCE = "/io/haven/staff/breached-passwords.txt.gz";

    private BreachedPasswords() {}

    /** Loaded on first use, once: {@link PasswordHasher} touches it at start-up. */
    private static final class Loaded {
        static final long[] HASHES = load();
    }

    /** Whether the password, compared without regard to case, is on the list. */
    static boolean contains(String password) {
        return password != null && Arrays.binarySearch(Loaded.HASHES, hash(password.toLowerCase(Locale.ROOT))) >= 0;
    }

    /** How many distinct entries the list holds. */
    static int size() {
        return Loaded.HASHES.length;
    }

    private static long[] load() {
        try (InputStream in = BreachedPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(in, 64 * 1024), StandardCharsets.UTF_8));
            long[] hashes = new long[131_072];
            int n = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                if (n == hashes.length) {
                    hashes = Arrays.copyOf(hashes, n * 2);
                }
                hashes[n++] = hash(line.toLowerCase(Locale.ROOT));
            }
            long[] sorted = Arrays.copyOf(hashes, n);
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** FNV-1a over the UTF-16 units, then MurmurHash3's finalizer to spread the bits. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe1a85ec5L;
        h ^= h >>> 33;
        return h;
    }
}
