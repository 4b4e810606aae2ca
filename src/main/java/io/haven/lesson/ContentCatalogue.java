package io.haven.lesson;

import io.haven.web.HavenConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The curriculum, loaded and validated once at start-up from the content/ packaged in the jar and the
 * optional local folder. Pages read it from memory only.
 */
@Startup
@ApplicationScoped
public class ContentCatalogue {

    private static final Logger LOG = Logger.getLogger(ContentCatalogue.class);

    @Inject
    HavenConfig config;

    private volatile Curriculum curriculum;

    @PostConstruct
    void load() {
        List<Path> roots = new ArrayList<>();
        Path packaged = packagedRoot();
        roots.add(packaged);
        config.content().localDir().filter(s -> !s.isBlank()).map(Path::of).ifPresent(dir -> {
            if (!Files.isDirectory(dir)) {
                throw new ContentException(dir.toString(), 0, "haven.content.local-dir is not a folder");
            }
            roots.add(dir);
        });
        long start = System.nanoTime();
        // The build's copy stands for the packaged files alone, read as a start reads them (wording rules not
        // applied to them); a local folder, or content being edited, is parsed.
        Optional<Curriculum> prebuilt = roots.size() == 1 && !config.content().checkPackagedWording()
                ? PrebuiltContent.read(packaged, Thread.currentThread().getContextClassLoader())
                : Optional.empty();
        if (prebuilt.isPresent()) {
            curriculum = prebuilt.get();
        } else {
            ContentLoader loader = new ContentLoader();
            if (!config.content().checkPackagedWording()) {
                loader.skipWordingRulesOf(packaged);
            }
            curriculum = loader.load(roots);
        }
        int lessons = curriculum.modules().stream()
                .mapToInt(m -> m.lessons().values().stream().mapToInt(Map::size).sum())
                .sum();
        LOG.infof(
                "Content loaded%s: %d modules, %d lessons, %d law sheets, %d help directories, %d duty sheets in %d ms",
                prebuilt.isPresent() ? " (prebuilt at build time)" : "",
                curriculum.modules().size(),
                lessons,
                curriculum.law().size(),
                curriculum.help().size(),
                curriculum.duties().size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    public Curriculum curriculum() {
        return curriculum;
    }

    /** content/ as packaged: a folder when run from the build tree, a folder inside the jar otherwise. */
    static Path packagedRoot() {
        URL marker = Thread.currentThread().getContextClassLoader().getResource("content/README.md");
        if (marker == null) {
            throw new ContentException("content/README.md", 0, "content/ is not on the class path");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return fs.getPath("/content");
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot open packaged content at " + marker, e));
        }
    }
}
