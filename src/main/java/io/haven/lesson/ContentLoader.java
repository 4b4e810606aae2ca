package io.haven.lesson;

import io.haven.web.Band;
import io.haven.web.Jurisdictions;
import io.haven.web.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and validates content/ (see content/README.md for the format and the rules). Everything is
 * parsed and rendered here, once; a broken file stops start-up with the file, line and rule named.
 * Later roots override earlier ones: a school's local folder can replace a module, a law or a help file.
 */
public final class ContentLoader {

    static final Set<String> ACTS =
            Set.of("create", "share", "threaten", "coerce", "possess", "view", "request", "platform-duty");
    static final Set<String> PROTECTS = Set.of("any", "adult", "minor");
    static final Set<String> STATUSES = Set.of("verified", "secondary", "needs-review");
    static final Set<String> HELP_KINDS = Set.of("emergency", "helpline", "takedown", "report", "counselling");
    private static final Pattern AGE_RANGE = Pattern.compile("(\\d{1,2})-(\\d{1,2})");
    static final Set<String> AGES = Set.of("any", "under-18", "adult");
    static final Set<String> DUTY_WHO = Set.of("any-staff", "lead", "head");
    static final Set<String> DUTY_CATEGORIES =
            Set.of("intimate-image", "sextortion", "bullying", "adult-concern", "other", "any");
    static final Set<String> DUTY_AGES = Set.of("5-7", "8-10", "11-13", "14-18", "adult");
    static final Set<String> DUTY_ACTIONS = Set.of(
            "report-police",
            "report-prosecutor",
            "report-child-protection",
            "report-education-authority",
            "report-hotline",
            "request-takedown",
            "inform-parents",
            "protect-victim",
            "preserve-evidence",
            "record");
    /** The longest "within N hours" a duty may give: a year. */
    static final int DUTY_MAX_HOURS = 8760;

    private static final Pattern LESSON_FILE = Pattern.compile("(.+)\\.([a-z]{2})\\.md");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    /** The glossary of the roots being loaded: read first, since every lesson and guide is checked against it. */
    private Glossary glossary = new Glossary(Map.of());

    /** A root whose wording rules are not checked (the packaged content, checked by the build); null: none. */
    private Path wordingChecked;

    /** Whether the files being loaded get the wording rules (see {@link #skipWordingRulesOf}). */
    private boolean wording = true;

    private final Parser markdown = Parser.builder().build();
    private final HtmlRenderer html =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /**
     * Loads {@code root}'s lessons and guides without their wording rules (penalty figures, words for young
     * bands, sentence length, rules A1-A3): for the packaged content, whose wording the build checked.
     * Structure, pictures and law are still checked.
     */
    public ContentLoader skipWordingRulesOf(Path root) {
        this.wordingChecked = root;
        return this;
    }

    public Curriculum load(List<Path> roots) {
        Map<String, LessonModule> modules = new HashMap<>();
        Map<String, LawSheet> law = new TreeMap<>();
        Map<String, HelpDirectory> help = new TreeMap<>();
        Map<Language, List<Glossary.Term>> terms = new EnumMap<>(Language.class);
        for (Path root : roots) {
            for (Path f : children(root.resolve("glossary"), p -> p.toString().endsWith(".yaml"))) {
                var g = loadGlossary(rel(root, f), read(f), stem(f));
                terms.put(g.getKey(), g.getValue());
            }
        }
        for (Language l : Language.values()) {
            if (!terms.containsKey(l)) {
                throw new ContentException(
                        "content/glossary/" + l.code + ".yaml", 0, "missing: every language has a glossary");
            }
        }
        glossary = new Glossary(Map.copyOf(terms));
        Map<String, DutySheet> duties = new TreeMap<>();
        for (Path root : roots) {
            wording = !root.equals(wordingChecked);
            for (Path dir : children(root.resolve("modules"), Files::isDirectory)) {
                LessonModule m = loadModule(root, dir);
                modules.put(m.id(), m);
            }
            wording = true;
            for (Path f : children(root.resolve("law"), p -> p.toString().endsWith(".yaml"))) {
                LawSheet s = loadLaw(root, f);
                law.put(s.jurisdiction(), s);
            }
            for (Path f : children(root.resolve("help"), p -> p.toString().endsWith(".yaml"))) {
                HelpDirectory h = loadHelp(root, f);
                help.put(h.jurisdiction(), h);
            }
            for (Path f : children(root.resolve("duties"), p -> p.toString().endsWith(".yaml"))) {
                DutySheet d = loadDuties(root, f);
                duties.put(d.jurisdiction(), d);
            }
        }
        Set<String> factIds = new HashSet<>();
        for (LawSheet s : law.values()) {
            for (LawFact f : s.facts()) {
                if (!factIds.add(f.id())) {
                    throw new ContentException(
                            "law/" + s.jurisdiction() + ".yaml", 0, "fact id '" + f.id() + "' is used twice");
                }
            }
        }
        Set<String> dutyIds = new HashSet<>();
        for (DutySheet s : duties.values()) {
            for (Duty d : s.duties()) {
                if (!dutyIds.add(d.id())) {
                    throw new ContentException(
                            "duties/" + s.jurisdiction() + ".yaml", 0, "duty id '" + d.id() + "' is used twice");
                }
            }
        }
        List<LessonModule> ordered = modules.values().stream()
                .sorted(Comparator.comparingInt(LessonModule::order).thenComparing(LessonModule::id))
                .toList();
        return new Curriculum(ordered, Map.copyOf(law), Map.copyOf(help), glossary, Map.copyOf(duties));
    }

    // --- modules and lessons ---

    private LessonModule loadModule(Path root, Path dir) {
        String folder = dir.getFileName().toString().replace("/", "");
        Path moduleFile = dir.resolve("module.yaml");
        String name = rel(root, moduleFile);
        if (!Files.exists(moduleFile)) {
            throw new ContentException(rel(root, dir), 0, "module folder without module.yaml");
        }
        var parsed = YamlFile.parse(name, read(moduleFile), 0);
        YamlFile y = parsed.getKey();
        MappingNode m = parsed.getValue();
        String id = y.str(m, "id");
        if (!id.equals(folder)) {
            throw y.error(y.required(m, "id"), "id '" + id + "' differs from the folder name '" + folder + "'");
        }
        if (!ID.matcher(id).matches()) {
            throw y.error(y.required(m, "id"), "id must be lower-case letters, digits and hyphens");
        }
        List<Band> bands = new ArrayList<>();
        for (Node n : y.list(m, "bands")) {
            String b = ((org.yaml.snakeyaml.nodes.ScalarNode) n).getValue();
            bands.add(Band.of(b).orElseThrow(() -> y.error(n, "unknown band '" + b + "' (5-7, 8-10, 11-13, 14-18)")));
        }
        if (bands.isEmpty()) {
            throw y.error(m, "a module needs at least one band");
        }
        List<String> tags = y.get(m, "tags").isPresent() ? y.strList(m, "tags") : List.of();

        Map<Band, Map<Language, Lesson>> lessons = new EnumMap<>(Band.class);
        for (Path f : children(dir, p -> p.toString().endsWith(".md"))) {
            String file = f.getFileName().toString();
            Matcher fm = LESSON_FILE.matcher(file);
            if (!fm.matches()) {
                throw new ContentException(
                        rel(root, f), 0, "lesson files are named <band>.<lang>.md, e.g. 11-13.ko.md");
            }
            Band band = Band.of(fm.group(1))
                    .orElseThrow(() -> new ContentException(
                            rel(root, f),
                            0,
                            "unknown band '" + fm.group(1) + "' in the file name (5-7, 8-10, 11-13, 14-18)"));
            Language lang = Language.of(fm.group(2))
                    .orElseThrow(() -> new ContentException(
                            rel(root, f), 0, "unknown language '" + fm.group(2) + "' in the file name (en, ko, fr)"));
            if (!bands.contains(band)) {
                throw new ContentException(rel(root, f), 0, "band " + band.id + " is not listed in " + name);
            }
            lessons.computeIfAbsent(band, b -> new EnumMap<>(Language.class))
                    .put(lang, loadLesson(rel(root, f), read(f), id, band, lang, pictures(root, dir, band)));
        }
        for (Band b : bands) {
            if (!lessons.containsKey(b) || !lessons.get(b).containsKey(Language.EN)) {
                throw new ContentException(
                        name, 0, "band " + b.id + " is listed but the file " + b.id + ".en.md is missing");
            }
            List<String> enIds = lessons.get(b).get(Language.EN).quiz().stream()
                    .map(QuizQuestion::id)
                    .toList();
            for (Lesson l : lessons.get(b).values()) {
                List<String> ids = l.quiz().stream().map(QuizQuestion::id).toList();
                if (!ids.equals(enIds)) {
                    throw new ContentException(
                            rel(root, dir) + "/" + b.id + "." + l.language().code + ".md",
                            0,
                            "quiz ids " + ids + " differ from the English ones " + enIds);
                }
            }
        }
        Map<Band, Map<Language, TeacherGuide>> guides = new EnumMap<>(Band.class);
        for (Path f : children(dir.resolve("guide"), p -> !Files.isDirectory(p))) {
            String file = f.getFileName().toString();
            Matcher fm = LESSON_FILE.matcher(file);
            Band band = fm.matches() ? Band.of(fm.group(1)).orElse(null) : null;
            Language lang = fm.matches() ? Language.of(fm.group(2)).orElse(null) : null;
            if (band == null || lang == null) {
                throw new ContentException(rel(root, f), 0, "guide files are named <band>.<lang>.md, e.g. 11-13.ko.md");
            }
            Lesson lesson = lessons.getOrDefault(band, Map.of()).get(lang);
            if (lesson == null) {
                throw new ContentException(
                        rel(root, f),
                        0,
                        "a guide for a lesson that does not exist (" + band.id + "." + lang.code + ".md)");
            }
            guides.computeIfAbsent(band, b -> new EnumMap<>(Language.class))
                    .put(lang, loadGuide(rel(root, f), read(f), lesson));
        }
        lessons.forEach((b, byLang) -> byLang.keySet().stream().sorted().forEach(l -> {
            if (!guides.getOrDefault(b, Map.of()).containsKey(l)) {
                throw new ContentException(
                        rel(root, dir) + "/guide/" + b.id + "." + l.code + ".md",
                        0,
                        "missing: every lesson needs a teacher's guide in the same band and language");
            }
        }));
        Map<Band, Map<Language, Lesson>> frozen = new EnumMap<>(Band.class);
        lessons.forEach((b, byLang) -> frozen.put(b, Map.copyOf(byLang)));
        Map<Band, Map<Language, TeacherGuide>> frozenGuides = new EnumMap<>(Band.class);
        guides.forEach((b, byLang) -> frozenGuides.put(b, Map.copyOf(byLang)));
        return new LessonModule(
                id,
                y.integer(m, "order"),
                List.copyOf(bands),
                List.copyOf(tags),
                y.bool(m, "featured", false),
                y.bool(m, "showsLaw", false),
                frozen,
                frozenGuides);
    }

    /** A glossary file: its language and its terms. */
    Map.Entry<Language, List<Glossary.Term>> loadGlossary(String file, String text, String expectedLanguage) {
        var parsed = YamlFile.parse(file, text, 0);
        YamlFile y = parsed.getKey();
        MappingNode m = parsed.getValue();
        String code = y.str(m, "language");
        Language lang = Language.of(code)
                .orElseThrow(() -> y.error(y.required(m, "language"), "unknown language '" + code + "' (en, ko, fr)"));
        if (!code.equals(expectedLanguage)) {
            throw y.error(y.required(m, "language"), "language '" + code + "' differs from the file name");
        }
        List<Glossary.Term> terms = new ArrayList<>();
        for (Node n : y.list(m, "terms")) {
            MappingNode t = y.mapping(n, "a glossary term");
            String use = y.str(t, "use");
            List<String> avoid = y.get(t, "avoid").isPresent() ? y.strList(t, "avoid") : List.of();
            for (String a : avoid) {
                if (use.toLowerCase(java.util.Locale.ROOT).contains(a.toLowerCase(java.util.Locale.ROOT))) {
                    throw y.error(t, "'" + a + "' is to be avoided but is part of the term itself '" + use + "'");
                }
            }
            terms.add(new Glossary.Term(
                    y.str(t, "idea"),
                    use,
                    List.copyOf(avoid),
                    y.optStr(t, "note").orElse(null)));
        }
        return Map.entry(lang, List.copyOf(terms));
    }

    /** Longest guide, in words (space-separated units in Korean), that still prints on two A4 pages. */
    static int maxGuideWords(Language lang) {
        return lang == Language.KO ? 700 : 900;
    }

    TeacherGuide loadGuide(String file, String text, Lesson lesson) {
        text = text.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new ContentException(file, 1, "a guide starts with a front matter block between --- lines");
        }
        int end = text.indexOf("\n---", 3);
        if (end < 0 || !(text.startsWith("\n---\n", end) || text.length() == end + 4)) {
            throw new ContentException(file, 1, "the front matter block is not closed by a --- line");
        }
        String front = text.substring(4, end + 1);
        String body = text.length() > end + 5 ? text.substring(end + 5) : "";
        int bodyFirstLine = LessonTextRules.lineOf(text, end + 5);
        var parsed = YamlFile.parse(file, front, 1);
        YamlFile y = parsed.getKey();
        MappingNode m = parsed.getValue();

        int minutes = y.integer(m, "minutes");
        if (minutes < 40 || minutes > 50) {
            throw y.error(y.required(m, "minutes"), "a guide plans a lesson of 40 to 50 minutes, not " + minutes);
        }
        List<TeacherGuide.Step> timing = new ArrayList<>();
        for (Node n : y.list(m, "timing")) {
            MappingNode step = y.mapping(n, "a timing step");
            timing.add(new TeacherGuide.Step(y.integer(step, "minutes"), y.str(step, "step")));
        }
        int sum = timing.stream().mapToInt(TeacherGuide.Step::minutes).sum();
        if (timing.isEmpty() || sum != minutes || timing.stream().anyMatch(t -> t.minutes() <= 0)) {
            throw y.error(y.required(m, "timing"), "the timing steps add up to " + sum + " minutes, not " + minutes);
        }
        List<String> groundRules = y.strList(m, "groundRules");
        count(y, m, "groundRules", groundRules.size(), 3, 5);
        MappingNode disclosure = y.mapping(y.required(m, "disclosure"), "field 'disclosure'");
        List<String> say = y.strList(disclosure, "say");
        count(y, disclosure, "say", say.size(), 2, 4);
        List<String> avoid = y.strList(disclosure, "avoid");
        count(y, disclosure, "avoid", avoid.size(), 2, 4);
        String tell = y.str(disclosure, "tell");
        List<String> goodAnswers = new ArrayList<>();
        for (Node n : y.list(m, "prompts")) {
            goodAnswers.add(y.str(y.mapping(n, "a prompt"), "goodAnswers"));
        }
        if (goodAnswers.size() != lesson.discussion().size()) {
            throw y.error(
                    y.required(m, "prompts"),
                    goodAnswers.size() + " prompts, but the lesson has "
                            + lesson.discussion().size()
                            + " discussion prompts: one entry per prompt, in the same order");
        }
        List<TeacherGuide.AnswerKey> key = new ArrayList<>();
        List<Node> keyNodes = y.list(m, "answerKey");
        for (Node n : keyNodes) {
            MappingNode k = y.mapping(n, "an answer key entry");
            String id = y.str(k, "id");
            List<TeacherGuide.Wrong> wrong = new ArrayList<>();
            for (Node w : y.list(k, "wrong")) {
                MappingNode wm = y.mapping(w, "a wrong choice");
                wrong.add(new TeacherGuide.Wrong(y.integer(wm, "choice"), y.str(wm, "misconception")));
            }
            key.add(new TeacherGuide.AnswerKey(id, List.copyOf(wrong)));
        }
        List<String> keyIds = key.stream().map(TeacherGuide.AnswerKey::id).toList();
        List<String> quizIds = lesson.quiz().stream().map(QuizQuestion::id).toList();
        if (!keyIds.equals(quizIds)) {
            throw y.error(
                    y.required(m, "answerKey"),
                    "answer key ids " + keyIds + " differ from the lesson's quiz ids " + quizIds
                            + " (same ids, same order)");
        }
        for (int i = 0; i < key.size(); i++) {
            QuizQuestion q = lesson.quiz().get(i);
            List<Integer> covered = key.get(i).wrong().stream()
                    .map(TeacherGuide.Wrong::choice)
                    .sorted()
                    .toList();
            List<Integer> wanted = java.util.stream.IntStream.range(
                            0, q.choices().size())
                    .filter(c -> c != q.answer())
                    .boxed()
                    .toList();
            if (!covered.equals(wanted)) {
                throw y.error(
                        keyNodes.get(i),
                        "question " + q.id() + ": the wrong choices are " + wanted
                                + " (0-based; the correct one is " + q.answer() + "); the key covers " + covered
                                + ": one misconception per wrong choice, none for the correct one");
            }
        }
        MappingNode diff = y.mapping(y.required(m, "differentiation"), "field 'differentiation'");
        List<String> support = y.strList(diff, "support");
        count(y, diff, "support", support.size(), 2, 3);
        List<String> stretch = y.strList(diff, "stretch");
        count(y, diff, "stretch", stretch.size(), 2, 3);

        if (Pattern.compile("(?m)^# ").matcher(body).find()) {
            throw new ContentException(file, bodyFirstLine, "the notes must not have a level-1 heading");
        }
        Matcher rawHtml = Pattern.compile("<[a-zA-Z/!]").matcher(body);
        if (rawHtml.find()) {
            throw new ContentException(
                    file,
                    bodyFirstLine + LessonTextRules.lineOf(body, rawHtml.start()) - 1,
                    "raw HTML is not allowed in a guide");
        }
        Matcher penalty = LessonTextRules.PENALTY.matcher(text);
        if (wording && penalty.find()) {
            throw new ContentException(
                    file,
                    LessonTextRules.lineOf(text, penalty.start()),
                    "penalty figure '" + penalty.group() + "': penalties belong in content/law, not in a guide");
        }
        List<LessonTextRules.Piece> pieces = new ArrayList<>(y.scalars(m));
        pieces.add(new LessonTextRules.Piece(body, bodyFirstLine));
        int words = pieces.stream()
                .mapToInt(p -> p.text().isBlank() ? 0 : p.text().strip().split("\\s+").length)
                .sum();
        if (words > maxGuideWords(lesson.language())) {
            throw new ContentException(
                    file,
                    1,
                    words + " words: a guide has at most " + maxGuideWords(lesson.language())
                            + " so that it prints on two A4 pages");
        }
        checkWords(file, pieces, lesson.language());
        return new TeacherGuide(
                lesson.moduleId(),
                lesson.band(),
                lesson.language(),
                minutes,
                List.copyOf(timing),
                List.copyOf(groundRules),
                List.copyOf(say),
                List.copyOf(avoid),
                tell,
                List.copyOf(goodAnswers),
                List.copyOf(key),
                List.copyOf(support),
                List.copyOf(stretch),
                html.render(markdown.parse(body)));
    }

    /** Rules A1-A3 of content/README.md, for lessons and guides alike. */
    private void checkWords(String file, List<LessonTextRules.Piece> pieces, Language lang) {
        if (!wording) {
            return;
        }
        LessonTextRules.knowinglyNearKorea(pieces)
                .or(() -> LessonTextRules.phoneNumber(pieces))
                .or(() -> LessonTextRules.glossary(pieces, glossary.in(lang)))
                .ifPresent(p -> {
                    throw new ContentException(file, p.line(), p.message());
                });
    }

    private static void count(YamlFile y, MappingNode m, String key, int n, int min, int max) {
        if (n < min || n > max) {
            throw y.error(y.required(m, key), "'" + key + "' has " + min + " to " + max + " items, not " + n);
        }
    }

    Lesson loadLesson(String file, String text, String moduleId, Band band, Language lang) {
        return loadLesson(file, text, moduleId, band, lang, List.of());
    }

    /** The story pictures of one band of a module: pictures/<band>/1.svg, 2.svg, ... (checked), shared by every language. */
    static List<String> pictures(Path root, Path moduleDir, Band band) {
        Path dir = moduleDir.resolve("pictures").resolve(band.id);
        List<Path> files = children(dir, p -> true);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String file = rel(root, f);
            if (!f.getFileName().toString().equals((i + 1) + ".svg") || files.size() > 9) {
                throw new ContentException(
                        file, 0, "story pictures are named 1.svg, 2.svg, ... (at most 9), one per story paragraph");
            }
            out.add(checkedPicture(file, read(f)));
        }
        return List.copyOf(out);
    }

    /**
     * A picture is put into the page as it is (inline SVG, so it follows the page's styles and costs no request):
     * only drawing elements, no script, no event handler, no link or outside resource, small.
     */
    static String checkedPicture(String file, String svg) {
        String s = svg.strip();
        if (!s.startsWith("<svg ") || !s.endsWith("</svg>") || !s.contains("viewBox=")) {
            throw new ContentException(file, 1, "a story picture is one <svg> element with a viewBox");
        }
        if (s.length() > 6000) {
            throw new ContentException(file, 1, "a story picture is at most 6000 characters, not " + s.length());
        }
        Matcher bad = Pattern.compile(
                        "(?i)<\\s*(script|foreignObject|image|use|a|iframe|style)\\b|\\son[a-z]+\\s*=|href\\s*=|url\\s*\\(|<!|<\\?|&")
                .matcher(s);
        if (bad.find()) {
            throw new ContentException(
                    file,
                    LessonTextRules.lineOf(s, bad.start()),
                    "a story picture may not contain '" + bad.group()
                            + "' (no script, handler, link, style, entity or outside resource)");
        }
        return s;
    }

    /** The picture with its alt text (in the lesson's language) as the accessible name of an image. */
    private static String figure(String svg, String alt) {
        String escaped = alt.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
        return "<figure class=\"story-picture\"><svg role=\"img\" aria-label=\"" + escaped + "\"" + svg.substring(4)
                + "</figure>\n";
    }

    /**
     * Spreads the pictures over the story (the first section, before the second heading): with n pictures and
     * p paragraphs, picture i follows paragraph ceil((i + 1) * p / n), so each closes its part of the story.
     */
    private static String withPictures(String file, String rendered, List<String> pictures, List<String> alts) {
        int start = rendered.indexOf("<h2>");
        int end = rendered.indexOf("<h2>", start + 1);
        List<Integer> paragraphEnds = new ArrayList<>();
        for (int p = rendered.indexOf("</p>\n", start); p >= 0 && p < end; p = rendered.indexOf("</p>\n", p + 1)) {
            paragraphEnds.add(p + 5);
        }
        int n = pictures.size();
        int paragraphs = paragraphEnds.size();
        if (paragraphs < n) {
            throw new ContentException(
                    file,
                    0,
                    n + " story pictures, but the story (before the second heading) has only " + paragraphs
                            + " paragraphs");
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i = 0; i < n; i++) {
            int after = paragraphEnds.get((int) Math.ceil((i + 1) * (double) paragraphs / n) - 1);
            out.append(rendered, at, after).append(figure(pictures.get(i), alts.get(i)));
            at = after;
        }
        return out.append(rendered.substring(at)).toString();
    }

    Lesson loadLesson(String file, String text, String moduleId, Band band, Language lang, List<String> pictures) {
        text = text.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new ContentException(file, 1, "a lesson starts with a front matter block between --- lines");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new ContentException(file, 1, "the front matter block is not closed by a --- line");
        }
        String front = text.substring(4, end + 1);
        String body = text.substring(end + 5);
        int bodyFirstLine = LessonTextRules.lineOf(text, end + 5);

        var parsed = YamlFile.parse(file, front, 1);
        YamlFile y = parsed.getKey();
        MappingNode m = parsed.getValue();

        int minutes = y.integer(m, "minutes");
        if (minutes < band.minMinutes || minutes > band.maxMinutes) {
            throw y.error(
                    y.required(m, "minutes"),
                    "minutes " + minutes + " outside band " + band.id + "'s range " + band.minMinutes + "-"
                            + band.maxMinutes);
        }
        List<String> objectives = y.strList(m, "objectives");
        if (objectives.size() < 2 || objectives.size() > 3) {
            throw y.error(y.required(m, "objectives"), "a lesson has 2 or 3 objectives");
        }
        List<Term> vocabulary = new ArrayList<>();
        for (Node n : y.list(m, "vocabulary")) {
            MappingNode t = y.mapping(n, "a vocabulary entry");
            vocabulary.add(new Term(y.str(t, "term"), y.str(t, "definition")));
        }
        if (vocabulary.size() < 2) {
            throw y.error(y.required(m, "vocabulary"), "a lesson has at least 2 vocabulary entries");
        }
        List<String> discussion = y.strList(m, "discussion");
        if (discussion.size() < 2) {
            throw y.error(y.required(m, "discussion"), "a lesson has at least 2 discussion prompts");
        }
        List<QuizQuestion> quiz = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node n : y.list(m, "quiz")) {
            QuizQuestion q = question(y, y.mapping(n, "a quiz question"));
            if (!ids.add(q.id())) {
                throw y.error(n, "quiz id '" + q.id() + "' is used twice");
            }
            quiz.add(q);
        }
        if (quiz.size() < 3 || quiz.size() > 6) {
            throw y.error(y.required(m, "quiz"), "a quiz has 3 to 6 questions, not " + quiz.size());
        }
        if (Pattern.compile("(?m)^# ").matcher(body).find()) {
            throw new ContentException(
                    file, bodyFirstLine, "the body must not have a level-1 heading: the page shows the title");
        }
        if (Pattern.compile("(?m)^## ").matcher(body).results().count() < 2) {
            throw new ContentException(
                    file, bodyFirstLine, "the body needs a '## ' heading for the scenario and one for the explanation");
        }
        Matcher rawHtml = Pattern.compile("<[a-zA-Z/!]").matcher(body);
        if (rawHtml.find()) {
            throw new ContentException(
                    file,
                    bodyFirstLine + LessonTextRules.lineOf(body, rawHtml.start()) - 1,
                    "raw HTML is not allowed in a lesson");
        }
        if (wording) {
            LessonTextRules.check(text, band, lang).ifPresent(p -> {
                throw new ContentException(file, Integer.parseInt(p[0]), p[1]);
            });
            LessonTextRules.checkSentences(body, bodyFirstLine, band, lang).ifPresent(p -> {
                throw new ContentException(file, Integer.parseInt(p[0]), p[1]);
            });
        }
        List<LessonTextRules.Piece> pieces = new ArrayList<>(y.scalars(m));
        pieces.add(new LessonTextRules.Piece(body, bodyFirstLine));
        checkWords(file, pieces, lang);
        String rendered = html.render(markdown.parse(body));
        // Story pictures: one alt text per picture, in the lesson's language (the pictures are the same in every
        // language).
        List<String> alts = y.get(m, "pictures").isPresent() ? y.strList(m, "pictures") : List.of();
        if (alts.size() != pictures.size()) {
            throw y.error(
                    y.get(m, "pictures").orElse(m),
                    "'pictures' needs one alt text per story picture: " + pictures.size() + " picture(s) in pictures/"
                            + band.id + ", " + alts.size() + " alt text(s)");
        }
        if (!pictures.isEmpty()) {
            rendered = withPictures(file, rendered, pictures, alts);
        }
        return new Lesson(
                moduleId,
                band,
                lang,
                y.str(m, "title"),
                y.str(m, "summary"),
                minutes,
                y.str(m, "essentialQuestion"),
                List.copyOf(objectives),
                List.copyOf(vocabulary),
                List.copyOf(discussion),
                y.str(m, "familyNote"),
                List.copyOf(quiz),
                rendered);
    }

    private static QuizQuestion question(YamlFile y, MappingNode q) {
        String id = y.str(q, "id");
        if (!ID.matcher(id).matches()) {
            throw y.error(q, "quiz id '" + id + "' must be lower-case letters, digits and hyphens");
        }
        List<String> choices = y.strList(q, "choices");
        if (choices.size() < 2 || choices.size() > 5) {
            throw y.error(y.required(q, "choices"), "question " + id + " needs 2 to 5 choices");
        }
        if (y.get(q, "answer").isEmpty()) {
            throw y.error(q, "question " + id + " has no correct answer (field 'answer')");
        }
        int answer = y.integer(q, "answer");
        if (answer < 0 || answer >= choices.size()) {
            throw y.error(
                    y.required(q, "answer"),
                    "question " + id + ": answer " + answer + " is out of range 0-" + (choices.size() - 1));
        }
        return new QuizQuestion(id, y.str(q, "question"), List.copyOf(choices), answer, y.str(q, "explanation"));
    }

    // --- law and help ---

    LawSheet loadLaw(Path root, Path f) {
        return loadLaw(rel(root, f), read(f), stem(f));
    }

    LawSheet loadLaw(String file, String text, String expectedJurisdiction) {
        var parsed = YamlFile.parse(file, text, 0);
        YamlFile y = parsed.getKey();
        MappingNode m = parsed.getValue();
        String j = jurisdiction(y, m, expectedJurisdiction);
        List<LawFact> facts = new ArrayList<>();
        for (Node n : y.list(m, "facts")) {
            MappingNode fact = y.mapping(n, "a legal fact");
            String id = y.str(fact, "id");
            if (y.optStr(fact, "source").isEmpty()) {
                throw y.error(fact, "fact " + id + " has no source: every legal fact names where it can be read");
            }
            String source = y.str(fact, "source");
            if (!source.startsWith("https://") && !source.startsWith("http://")) {
                throw y.error(y.required(fact, "source"), "fact " + id + ": source must be a web address");
            }
            String act = oneOf(y, fact, "act", ACTS);
            String protects = oneOf(y, fact, "protects", PROTECTS);
            String status = oneOf(y, fact, "status", STATUSES);
            Optional<Localized> note = y.optLocalized(fact, "note");
            if (status.equals("needs-review") && note.isEmpty()) {
                throw y.error(fact, "fact " + id + " needs review: say what must be checked in 'note'");
            }
            if (j.equals("kr") && (act.equals("possess") || act.equals("view"))) {
                for (String key : List.of("offence", "penalty", "statute", "note")) {
                    Optional<Node> field = y.get(fact, key);
                    if (field.isEmpty()) {
                        continue;
                    }
                    for (LessonTextRules.Piece p : y.scalars(field.get())) {
                        Matcher k = LessonTextRules.KNOWINGLY.matcher(p.text());
                        if (k.find()) {
                            throw new ContentException(
                                    file,
                                    p.line(),
                                    "fact " + id + ": '" + k.group() + "' in Korea's " + act
                                            + " offence, which has no 'knowingly' (rule A1)");
                        }
                    }
                }
            }
            facts.add(new LawFact(
                    id,
                    j,
                    act,
                    protects,
                    y.localized(fact, "offence"),
                    y.localized(fact, "penalty"),
                    y.localized(fact, "statute"),
                    y.date(fact, "inForce"),
                    source,
                    y.date(fact, "reviewed"),
                    status,
                    note.orElse(null)));
        }
        if (facts.isEmpty()) {
            throw y.error(m, "a law file needs at least one fact");
        }
        return new LawSheet(j, y.localized(m, "name"), y.localized(m, "summary"), List.copyOf(facts));
    }

    HelpDirectory loadHelp(Path root, Path f) {
        return loadHelp(rel(root, f), read(f), stem(f));
    }

    HelpDirectory loadHelp(String file, String text, String expectedJurisdiction) {
        var parsed = YamlFile.parse(file, text, 0);
        YamlFile y = parsed.getKey();
        MappingNode m = parsed.getValue();
        String j = jurisdiction(y, m, expectedJurisdiction);
        MappingNode emergency = y.mapping(y.required(m, "emergency"), "emergency");
        List<HelpEntry> entries = new ArrayList<>();
        for (Node n : y.list(m, "entries")) {
            MappingNode e = y.mapping(n, "a help entry");
            String id = y.str(e, "id");
            Optional<String> phone = y.optStr(e, "phone");
            Optional<String> url = y.optStr(e, "url");
            if (phone.isEmpty() && url.isEmpty()) {
                throw y.error(e, "help entry " + id + " needs a phone number or a web address");
            }
            if (url.isPresent()
                    && !url.get().startsWith("https://")
                    && !url.get().startsWith("http://")) {
                throw y.error(y.required(e, "url"), "help entry " + id + ": url must be a web address");
            }
            String ages = y.str(e, "ages");
            int[] range = ages(ages);
            if (range == null) {
                throw y.error(
                        y.required(e, "ages"),
                        "help entry " + id + ": 'ages' must be any, adult or a range like \"0-17\"");
            }
            Optional<String> status = y.optStr(e, "status");
            if (status.isPresent() && !STATUSES.contains(status.get())) {
                throw y.error(y.required(e, "status"), "'status' must be one of " + new java.util.TreeSet<>(STATUSES));
            }
            if (status.isEmpty()) {
                throw y.error(e, "help entry " + id + " has no status (verified, secondary or needs-review)");
            }
            Optional<Localized> note = y.optLocalized(e, "note");
            if (status.filter("needs-review"::equals).isPresent() && note.isEmpty()) {
                throw y.error(e, "help entry " + id + " needs review: say what must be checked in 'note'");
            }
            entries.add(new HelpEntry(
                    id,
                    oneOf(y, e, "kind", HELP_KINDS),
                    ages,
                    range[0],
                    range[1],
                    y.localized(e, "name"),
                    y.localized(e, "description"),
                    phone.orElse(null),
                    url.orElse(null),
                    y.optLocalized(e, "hours").orElse(null),
                    y.date(e, "verified"),
                    status.orElse(null),
                    note.orElse(null)));
        }
        return new HelpDirectory(j, y.str(emergency, "number"), y.localized(emergency, "name"), List.copyOf(entries));
    }

    /** The ages a help entry serves: any, adult (18 and over), "min-max", or the old under-18 (0-17); null if none of these. */
    static int[] ages(String ages) {
        switch (ages) {
            case "any":
                return new int[] {0, HelpEntry.NO_LIMIT};
            case "adult":
                return new int[] {18, HelpEntry.NO_LIMIT};
            case "under-18":
                return new int[] {0, 17};
            default:
                Matcher m = AGE_RANGE.matcher(ages);
                if (!m.matches() || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
                    return null;
                }
                return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }
    }

    // --- staff duties ---

    DutySheet loadDuties(Path root, Path f) {
        return loadDuties(rel(root, f), read(f), stem(f));
    }

    /** A duties file: every duty sourced, dated and in all three languages (see content/README.md). */
    DutySheet loadDuties(String file, String text, String expectedJurisdiction) {
        var parsed = YamlFile.parse(file, text, 0);
        YamlFile y = parsed.getKey();
        MappingNode m = parsed.getValue();
        String j = jurisdiction(y, m, expectedJurisdiction);
        List<Duty> duties = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node n : y.list(m, "duties")) {
            duties.add(duty(y, y.mapping(n, "a duty"), j, ids));
        }
        if (duties.isEmpty()) {
            throw y.error(m, "a duties file needs at least one duty");
        }
        return new DutySheet(j, List.copyOf(duties));
    }

    private static Duty duty(YamlFile y, MappingNode d, String j, Set<String> ids) {
        String id = y.str(d, "id");
        if (!ID.matcher(id).matches() || !id.startsWith(j + "-")) {
            throw y.error(
                    y.required(d, "id"),
                    "duty id '" + id + "' must be lower-case letters, digits and hyphens" + " and start with '" + j
                            + "-'");
        }
        if (!ids.add(id)) {
            throw y.error(y.required(d, "id"), "duty id '" + id + "' is used twice");
        }
        if (y.optStr(d, "source").isEmpty()) {
            throw y.error(d, "duty " + id + " has no source: every duty names where its text can be read");
        }
        String source = y.str(d, "source");
        if (!source.startsWith("https://") && !source.startsWith("http://")) {
            throw y.error(y.required(d, "source"), "duty " + id + ": source must be a web address");
        }
        if (y.get(d, "reviewed").isEmpty()) {
            throw y.error(d, "duty " + id + " has no review date ('reviewed'): say when it was last checked");
        }
        MappingNode trigger = y.mapping(y.required(d, "trigger"), "field 'trigger'");
        List<String> categories = values(y, trigger, "categories", DUTY_CATEGORIES);
        if (categories.isEmpty()) {
            throw y.error(y.required(trigger, "categories"), "duty " + id + ": list at least one category, or [any]");
        }
        List<String> ages = y.get(trigger, "ages").isPresent() ? values(y, trigger, "ages", DUTY_AGES) : List.of();
        boolean dangerNow = y.bool(trigger, "dangerNow", false);
        if (y.get(d, "mandatory").isEmpty()) {
            throw y.error(d, "duty " + id + ": say whether it is mandatory (true) or good practice (false)");
        }
        boolean mandatory = y.bool(d, "mandatory", false);
        Node due = y.required(d, "due");
        boolean asap = false;
        Duration within;
        if (due instanceof MappingNode hours) {
            int h = y.integer(hours, "hours");
            if (h < 1 || h > DUTY_MAX_HOURS || hours.getValue().size() != 1) {
                throw y.error(
                        due,
                        "duty " + id + ": due must be immediately, asap or {hours: N} with N from 1 to "
                                + DUTY_MAX_HOURS);
            }
            within = Duration.ofHours(h);
        } else {
            String v = y.str(d, "due");
            if (v.equals("immediately")) {
                within = Duration.ZERO;
            } else if (v.equals("asap")) {
                asap = true;
                within = Duration.ZERO;
            } else {
                throw y.error(due, "duty " + id + ": due must be immediately, asap or {hours: N}");
            }
        }
        String status = oneOf(y, d, "status", STATUSES);
        Optional<Localized> note =
                y.get(d, "note").isPresent() ? Optional.of(y.localizedAll(d, "note")) : Optional.empty();
        if (status.equals("needs-review") && note.isEmpty()) {
            throw y.error(d, "duty " + id + " needs review: say what must be checked in 'note'");
        }
        return new Duty(
                id,
                j,
                oneOf(y, d, "who", DUTY_WHO),
                List.copyOf(categories),
                List.copyOf(ages),
                dangerNow,
                oneOf(y, d, "action", DUTY_ACTIONS),
                mandatory,
                asap,
                within,
                y.localizedAll(d, "title"),
                y.localizedAll(d, "detail"),
                y.localizedAll(d, "statute"),
                source,
                y.date(d, "reviewed"),
                status,
                note.orElse(null));
    }

    /** A list whose every item is one of the allowed values, each named with its line when it is not. */
    private static List<String> values(YamlFile y, MappingNode m, String key, Set<String> allowed) {
        List<String> out = new ArrayList<>();
        for (Node n : y.list(m, key)) {
            String v = n instanceof ScalarNode s ? s.getValue().strip() : "";
            if (!allowed.contains(v)) {
                throw y.error(
                        n, "'" + key + "' may hold only " + new java.util.TreeSet<>(allowed) + ", not '" + v + "'");
            }
            out.add(v);
        }
        return out;
    }

    private static String jurisdiction(YamlFile y, MappingNode m, String expected) {
        String j = y.str(m, "jurisdiction");
        if (Jurisdictions.valid(j) == null) {
            throw y.error(y.required(m, "jurisdiction"), "unknown jurisdiction '" + j + "' " + Jurisdictions.IDS);
        }
        if (!j.equals(expected)) {
            throw y.error(y.required(m, "jurisdiction"), "jurisdiction '" + j + "' differs from the file name");
        }
        return j;
    }

    private static String oneOf(YamlFile y, MappingNode m, String key, Set<String> allowed) {
        String v = y.str(m, key);
        if (!allowed.contains(v)) {
            throw y.error(y.required(m, key), "'" + key + "' must be one of " + new java.util.TreeSet<>(allowed));
        }
        return v;
    }

    // --- files ---

    private static List<Path> children(Path dir, java.util.function.Predicate<Path> filter) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(filter).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    private static String rel(Path root, Path f) {
        return "content/" + root.relativize(f).toString().replace('\\', '/');
    }
}
