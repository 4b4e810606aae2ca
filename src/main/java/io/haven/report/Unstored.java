package io.haven.report;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A report or reply that could not be stored. The reporter gets the form back with their text (503); the
 * log gets one line with an id and the cause's class and message: never the text, never a stack trace.
 */
final class Unstored {

    private static final Logger LOG = Logger.getLogger(Unstored.class);

    private Unstored() {}

    static void log(String what, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        LOG.warnf(
                "A %s could not be stored (error %s, shown the form again with 503): %s: %s",
                what, id, root.getClass().getSimpleName(), firstLine(root.getMessage()));
    }

    /** The supplier's answer, or empty when the database cannot give it either. */
    static <T> Optional<T> orEmpty(Supplier<Optional<T>> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
