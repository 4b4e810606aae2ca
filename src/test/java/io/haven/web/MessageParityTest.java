package io.haven.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.casework.CaseworkMsg;
import io.haven.casework.DeadlineMsg;
import io.haven.casework.DutiesMsg;
import io.haven.casework.StatsMsg;
import io.haven.classroom.ClassroomMsg;
import io.haven.guide.GuideMsg;
import io.haven.notify.OutboxMsg;
import io.haven.report.ReportingMsg;
import io.haven.school.AdminMsg;
import io.haven.staff.OpsMsg;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every visible string comes from the message bundle, in all three languages. */
class MessageParityTest {

    static final Path MESSAGES = Path.of("src/main/resources/messages");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** The bundles: file name prefix and interface. */
    static final Map<String, Class<?>> BUNDLES = Map.ofEntries(
            Map.entry("msg", Msg.class),
            Map.entry("reporting", ReportingMsg.class),
            Map.entry("classroom", ClassroomMsg.class),
            Map.entry("casework", CaseworkMsg.class),
            Map.entry("admin", AdminMsg.class),
            Map.entry("stats", StatsMsg.class),
            Map.entry("deadlines", DeadlineMsg.class),
            Map.entry("guide", GuideMsg.class),
            Map.entry("duties", DutiesMsg.class),
            Map.entry("ops", OpsMsg.class),
            Map.entry("outbox", OutboxMsg.class),
            Map.entry("conflict", ConflictMsg.class),
            Map.entry("lesson", io.haven.lesson.LessonMsg.class),
            Map.entry("staff", io.haven.staff.StaffMsg.class),
            Map.entry("student", StudentMsg.class),
            Map.entry("workspace", io.haven.staff.WorkspaceMsg.class));

    static Properties load(String lang) throws IOException {
        Properties all = new Properties();
        for (String bundle : BUNDLES.keySet()) {
            all.putAll(load(bundle, lang));
        }
        return all;
    }

    static Properties load(String bundle, String lang) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(
                MESSAGES.resolve(bundle + "_" + lang + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyKeyInEveryLanguageAndInTheBundleInterface() throws IOException {
        for (var bundle : BUNDLES.entrySet()) {
            Set<String> methods = Arrays.stream(bundle.getValue().getDeclaredMethods())
                    .map(Method::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(methods.size())
                    .as("Qute generates a broken resolver past 300 messages in one bundle")
                    .isLessThanOrEqualTo(300);
            for (Language l : Language.values()) {
                Properties p = load(bundle.getKey(), l.code);
                assertThat(new TreeSet<>(p.stringPropertyNames()))
                        .as("keys of " + bundle.getKey() + "_" + l.code)
                        .isEqualTo(methods);
                p.forEach(
                        (k, v) -> assertThat(v.toString()).as(l.code + " " + k).isNotBlank());
            }
        }
    }

    /** A key names one text: form errors and hints are looked up by key alone ({@link MessageKeys}). */
    @Test
    void noKeyIsInTwoBundles() throws IOException {
        Map<String, List<String>> where = new java.util.TreeMap<>();
        for (String bundle : BUNDLES.keySet()) {
            for (String key : load(bundle, "en").stringPropertyNames()) {
                where.computeIfAbsent(key, k -> new ArrayList<>()).add(bundle);
            }
        }
        assertThat(where.entrySet().stream()
                        .filter(e -> e.getValue().size() > 1)
                        .map(e -> e.getKey() + " " + e.getValue())
                        .toList())
                .isEmpty();
    }

    @Test
    void placeholdersAgreeAcrossLanguages() throws IOException {
        Properties en = load("en");
        for (Language l : List.of(Language.KO, Language.FR)) {
            Properties p = load(l.code);
            for (String k : en.stringPropertyNames()) {
                assertThat(placeholders(p.getProperty(k)))
                        .as(l.code + " " + k)
                        .isEqualTo(placeholders(en.getProperty(k)));
            }
        }
    }

    @Test
    void koreanAndFrenchAreTranslatedNotCopied() throws IOException {
        Properties en = load("en");
        Set<String> sameEverywhere = Set.of(
                "common_site_name",
                "common_language_en",
                "common_language_ko",
                "common_language_fr",
                "lesson_minutes",
                "law_source",
                "report_conversation_title",
                "duty_col_source",
                "menu");
        for (Language l : List.of(Language.KO, Language.FR)) {
            Properties p = load(l.code);
            for (String k : en.stringPropertyNames()) {
                if (!sameEverywhere.contains(k)) {
                    assertThat(p.getProperty(k))
                            .as(l.code + " " + k + " is still English")
                            .isNotEqualTo(en.getProperty(k));
                }
            }
        }
    }

    @Test
    void templatesHoldNoRawText() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(
                            p -> p.toString().endsWith(".html") || p.toString().endsWith(".txt"))
                    .toList()) {
                String text = visibleText(Files.readString(f));
                if (text.codePoints().anyMatch(Character::isLetter)) {
                    offenders.add(TEMPLATES.relativize(f) + ": " + text.strip());
                }
            }
        }
        assertThat(offenders).as("literal text outside {msg:...}").isEmpty();
    }

    /** What a template shows besides its expressions, tags and entities. */
    static String visibleText(String template) {
        String s = template.replaceAll("(?s)\\{!.*?!\\}", " ");
        s = stripBraces(s);
        s = s.replaceAll("(?s)<!DOCTYPE[^>]*>", " ")
                .replaceAll("(?s)<[^>]*>", " ")
                .replaceAll("&[a-z#0-9]+;", " ");
        return s.replaceAll("\\s+", " ");
    }

    private static String stripBraces(String s) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\{([a-zA-Z_]+)\\}").matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
