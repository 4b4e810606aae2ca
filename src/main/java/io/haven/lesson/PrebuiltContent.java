package io.haven.lesson;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.jboss.logging.Logger;

/**
 * The packaged content, read and checked at build time and stored beside it, so that a start reads one
 * file instead of parsing some 190 YAML and Markdown files (half a second of the start on a 2-core host,
 * docs/benchmarks.md). The build writes it ({@link #main}, run by the pom in process-classes); a start
 * uses it only when it was made from exactly the content packaged with it: the stored fingerprint (each
 * file's path, size and CRC-32) must equal the packaged files'. Otherwise, or with a local content folder,
 * or while content is being edited (haven.content.check-packaged-wording), the start parses as before.
 */
public final class PrebuiltContent {

    private static final Logger LOG = Logger.getLogger(PrebuiltContent.class);

    /** Where the build puts it on the class path (not under content/, whose files it fingerprints). */
    static final String RESOURCE = "prebuilt/curriculum.ser";

    /** Bumped when the file's layout changes; a file of another format is ignored. */
    private static final int FORMAT = 1;

    /**
     * Only the content's own records and the JDK types they hold: the file is ours, packaged in the same
     * jar, but a deserialiser should not build anything else whatever the bytes say.
     */
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;io.haven.lesson.*;io.haven.web.Band;io.haven.web.Language;java.lang.*;java.util.*;"
                    + "java.time.*;!*");

    private PrebuiltContent() {}

    /** Build step: {@code PrebuiltContent <content folder> <class output folder>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PrebuiltContent <content folder> <class output folder>");
        }
        Path content = Path.of(args[0]);
        Path out = Path.of(args[1]).resolve(RESOURCE);
        long start = System.nanoTime();
        Curriculum curriculum = new ContentLoader().skipWordingRulesOf(content).load(List.of(content));
        Files.createDirectories(out.getParent());
        try (OutputStream file = Files.newOutputStream(out)) {
            write(curriculum, fingerprint(content), file);
        }
        System.out.printf(
                "Prebuilt content: %s (%d bytes) in %d ms%n",
                out, Files.size(out), (System.nanoTime() - start) / 1_000_000);
    }

    static void write(Curriculum curriculum, String fingerprint, OutputStream to) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(to, 1 << 16))) {
            out.writeInt(FORMAT);
            out.writeObject(fingerprint);
            out.writeObject(curriculum);
        }
    }

    /** The prebuilt curriculum for the packaged content at {@code packaged}, if there is one made from it. */
    static Optional<Curriculum> read(Path packaged, ClassLoader loader) {
        URL url = loader.getResource(RESOURCE);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return read(in, fingerprint(packaged));
        } catch (IOException | UncheckedIOException e) {
            LOG.infof("Prebuilt content not read (%s): parsing the packaged files", e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<Curriculum> read(InputStream from, String expectedFingerprint) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(from, 1 << 16))) {
            in.setObjectInputFilter(ALLOWED);
            if (in.readInt() != FORMAT) {
                LOG.info("Prebuilt content is of another format: parsing the packaged files");
                return Optional.empty();
            }
            if (!expectedFingerprint.equals(in.readObject())) {
                LOG.info("Prebuilt content was made from other files than those packaged: parsing them");
                return Optional.empty();
            }
            return Optional.of((Curriculum) in.readObject());
        } catch (ClassNotFoundException | ClassCastException e) {
            LOG.infof("Prebuilt content not read (%s): parsing the packaged files", e);
            return Optional.empty();
        }
    }

    /**
     * One line per file under {@code root}, in path order: its relative path, size and CRC-32. Inside a
     * jar the size and CRC come from the jar's directory (nothing is inflated); in a folder they are
     * computed, and are the same numbers.
     */
    static String fingerprint(Path root) {
        boolean zip = root.getFileSystem().supportedFileAttributeViews().contains("zip");
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                long size;
                long crc;
                if (zip) {
                    size = Files.size(p);
                    crc = (Long) Files.getAttribute(p, "zip:crc");
                } else {
                    byte[] bytes = Files.readAllBytes(p);
                    CRC32 c = new CRC32();
                    c.update(bytes);
                    size = bytes.length;
                    crc = c.getValue();
                }
                lines.add(root.relativize(p).toString().replace('\\', '/') + '\t' + size + '\t' + crc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.sort(null);
        return String.join("\n", lines);
    }
}
