package io.haven.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * application.properties excludes the message templates' ids from Qute's file look-up
 * ({@code quarkus.qute.template-path-exclude}, which spares a start some 17,000 class-path misses). A bundle
 * left out of that list still works, only slower to start; one of the page templates caught by it would not
 * be found at all. This checks both. A plain unit test: no Quarkus.
 */
class MessageBundleNamesTest {

    private static Pattern exclude() throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundleNamesTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        String regex = p.getProperty("quarkus.qute.template-path-exclude");
        assertThat(regex)
                .as("quarkus.qute.template-path-exclude in application.properties")
                .isNotNull();
        return Pattern.compile(regex);
    }

    @Test
    void everyBundlesMessageIdsAreExcludedFromTheFileLookUp() throws IOException {
        Pattern exclude = exclude();
        TreeSet<String> bundles = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.haven")) {
            c.tryGetAnnotationOfType(MessageBundle.class).ifPresent(b -> bundles.add(b.value()));
        }
        assertThat(bundles).as("the portal's message bundles").hasSizeGreaterThan(10);
        for (String bundle : bundles) {
            // Qute's ids: <bundle>_<key> for the default locale, <bundle>_<locale>_<key> for the others.
            for (String id : List.of(bundle + "_page_title", bundle + "_ko_page_title", bundle + "_fr_x")) {
                assertThat(exclude.matcher(id).matches())
                        .as("message template id %s excluded by quarkus.qute.template-path-exclude", id)
                        .isTrue();
            }
        }
    }

    @Test
    void noPageTemplateIsExcluded() throws IOException {
        Pattern exclude = exclude();
        Path root = Path.of("src/main/resources/templates");
        List<String> templates;
        try (Stream<Path> files = Files.walk(root)) {
            templates = files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .toList();
        }
        assertThat(templates).hasSizeGreaterThan(20);
        for (String t : templates) {
            String noSuffix = t.substring(0, t.lastIndexOf('.'));
            assertThat(exclude.matcher(t).matches() || exclude.matcher(noSuffix).matches())
                    .as("template %s excluded", t)
                    .isFalse();
        }
        // The default exclusion (hidden files, which the build looks for anywhere in a path) is kept.
        assertThat(exclude.matcher("tags/.hidden.html").find()).isTrue();
    }
}
