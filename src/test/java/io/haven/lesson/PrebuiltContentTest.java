package io.haven.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content the build reads and stores (pom, process-classes) is what a start would parse from the
 * packaged files, and a start does not take it when the files differ from those it was made from.
 */
class PrebuiltContentTest {

    @TempDir
    Path tmp;

    @Test
    void theBuildsCopyOnTheClassPathIsTheParsedPackagedContent() throws Exception {
        Path packaged = ContentCatalogue.packagedRoot();
        Curriculum parsed = new ContentLoader().skipWordingRulesOf(packaged).load(List.of(packaged));

        var prebuilt = PrebuiltContent.read(packaged, getClass().getClassLoader());

        assertThat(prebuilt)
                .as("the build wrote prebuilt/curriculum.ser from these files")
                .isPresent();
        assertThat(prebuilt.get()).isEqualTo(parsed);
        assertThat(prebuilt.get().modules()).isNotEmpty();
    }

    @Test
    void oneChangedByteInOneFileMakesTheStartParse() throws Exception {
        Path content = copyOfPackagedContent();
        Path lesson;
        try (Stream<Path> files = Files.walk(content)) {
            lesson = files.filter(p -> p.toString().endsWith(".md") && p.getNameCount() > content.getNameCount() + 1)
                    .findFirst()
                    .orElseThrow();
        }
        Path classes = tmp.resolve("classes");
        PrebuiltContent.main(new String[] {content.toString(), classes.toString()});
        assertThat(readWith(classes, content)).as("made from these very files").isTrue();

        String original = Files.readString(lesson);
        Files.writeString(lesson, original.replaceFirst("(?s)\\S", "X"));
        assertThat(readWith(classes, content))
                .as("a lesson edited after the build")
                .isFalse();

        Files.writeString(lesson, original);
        assertThat(readWith(classes, content)).as("the edit undone").isTrue();
        Files.writeString(content.resolve("extra.md"), "new file");
        assertThat(readWith(classes, content))
                .as("a file added after the build")
                .isFalse();
    }

    @Test
    void aFileHoldingAnythingButContentRecordsIsNotRead() throws Exception {
        Path content = copyOfPackagedContent();
        String fingerprint = PrebuiltContent.fingerprint(content);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeInt(1);
            out.writeObject(fingerprint);
            out.writeObject(URI.create("https://example.org").toURL()); // java.net: not on the allowed list
        }
        Path classes = tmp.resolve("foreign");
        Files.createDirectories(classes.resolve("prebuilt"));
        Files.write(classes.resolve(PrebuiltContent.RESOURCE), bytes.toByteArray());
        assertThat(readWith(classes, content)).isFalse();

        ByteArrayOutputStream otherFormat = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(otherFormat)) {
            out.writeInt(99);
        }
        assertThat(PrebuiltContent.read(new ByteArrayInputStream(otherFormat.toByteArray()), fingerprint))
                .isEmpty();
    }

    @Test
    void theFingerprintOfAJarEqualsTheFingerprintOfTheFolderItWasMadeFrom() throws Exception {
        Path content = copyOfPackagedContent();
        Path jar = tmp.resolve("content.jar");
        try (var fs = java.nio.file.FileSystems.newFileSystem(jar, java.util.Map.of("create", "true"));
                Stream<Path> files = Files.walk(content)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target =
                        fs.getPath("/content").resolve(content.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        try (var fs = java.nio.file.FileSystems.newFileSystem(jar)) {
            assertThat(PrebuiltContent.fingerprint(fs.getPath("/content")))
                    .isEqualTo(PrebuiltContent.fingerprint(content));
        }
    }

    private boolean readWith(Path classes, Path content) throws IOException {
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            return PrebuiltContent.read(content, loader).isPresent();
        }
    }

    private Path copyOfPackagedContent() throws IOException {
        Path from = ContentCatalogue.packagedRoot();
        Path to = tmp.resolve("content");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    try (OutputStream out = Files.newOutputStream(target)) {
                        Files.copy(p, out);
                    }
                }
            }
        }
        return to;
    }
}
