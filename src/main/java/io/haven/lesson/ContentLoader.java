package io.haven.lesson;

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

    static final Set<String> ACTS = Set.of("create", "share", "threaten", "coerce", "possess", "view", "request",
            "platform-duty");
    static final Set<String> PROTECTS = Set.of("any", "adult", "minor");
    static final Set<String> STATUSES = Set.of("verified", "secondary", "needs-review");
    static final Set<String> HELP_KINDS = Set.of("emergency", "helpline", "takedown", "report", "counselling");
    static final Set<String> AGES = Set.of("any", "under-18", "adult");
    static final Set<String> DUTY_WHO = Set.of("any-staff", "lead", "head");
    static final Set<String> DUTY_CATEGORIES = Set.of("intimate-image", "sextortion", "bullying", "adult-concern", "other",
            "any");
    static final Set<String> DUTY_AGES = Set.of("5-7", "8-10", "11-13", "14-18", "adult");
    static final Set<String> DUTY_ACTIONS = Set.of("report-police", "report-prosecutor", "report-child-protection",
            "report-education-authority", "report-hotline", "request-takedown", "inform-parents", "protect-victim",
            "preserve-evidence", "record");
    /** The longest "within N hours" a duty may give: a year. */
    static final int DUTY_MAX_HOURS = 8760;
    private static final Pattern LESSON_FILE = Pattern.compile("(.+)\\.([a-z]{2})\\.md");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    private final Parser markdown = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public Curriculum load(List<Path> roots) {
        Map<String, LessonModule> modules = new HashMap<>();
        Map<String, LawSheet> law = new TreeMap<>();
        Map<String, HelpDirectory> help = new TreeMap<>();
        Map<String, DutySheet> duties = new TreeMap<>();
        for (Path root : roots) {
            for (Path dir : children(root.resolve("modules"), Files::isDirectory)) {
                LessonModule m = loadModule(root, dir);
                modules.put(m.id(), m);
            }
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
                    throw new ContentException("law/" + s.jurisdiction() + ".yaml", 0, "fact id '" + f.id()
                            + "' is used twice");
                }
            }
        }
        Set<String> dutyIds = new HashSet<>();
        for (DutySheet s : duties.values()) {
            for (Duty d : s.duties()) {
                if (!dutyIds.add(d.id())) {
                    throw new ContentException("duties/" + s.jurisdiction() + ".yaml", 0, "duty id '" + d.id()
                            + "' is used twice");
                }
            }
        }
        List<LessonModule> ordered = modules.values().stream()
                .sorted(Comparator.comparingInt(LessonModule::order).thenComparing(LessonModule::id)).toList();
        return new Curriculum(ordered, Map.copyOf(law), Map.copyOf(help), Map.copyOf(duties));
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
                throw new ContentException(rel(root, f), 0, "lesson files are named <band>.<lang>.md, e.g. 11-13.ko.md");
            }
            Band band = Band.of(fm.group(1)).orElseThrow(() -> new ContentException(rel(root, f), 0,
                    "unknown band '" + fm.group(1) + "' in the file name (5-7, 8-10, 11-13, 14-18)"));
            Language lang = Language.of(fm.group(2)).orElseThrow(() -> new ContentException(rel(root, f), 0,
                    "unknown language '" + fm.group(2) + "' in the file name (en, ko, fr)"));
            if (!bands.contains(band)) {
                throw new ContentException(rel(root, f), 0, "band " + band.id + " is not listed in " + name);
            }
            lessons.computeIfAbsent(band, b -> new EnumMap<>(Language.class))
                    .put(lang, loadLesson(rel(root, f), read(f), id, band, lang));
        }
        for (Band b : bands) {
            if (!lessons.containsKey(b) || !lessons.get(b).containsKey(Language.EN)) {
                throw new ContentException(name, 0, "band " + b.id + " is listed but the file " + b.id
                        + ".en.md is missing");
            }
            List<String> enIds = lessons.get(b).get(Language.EN).quiz().stream().map(QuizQuestion::id).toList();
            for (Lesson l : lessons.get(b).values()) {
                List<String> ids = l.quiz().stream().map(QuizQuestion::id).toList();
                if (!ids.equals(enIds)) {
                    throw new ContentException(rel(root, dir) + "/" + b.id + "." + l.language().code + ".md", 0,
                            "quiz ids " + ids + " differ from the English ones " + enIds);
                }
            }
        }
        Map<Band, Map<Language, Lesson>> frozen = new EnumMap<>(Band.class);
        lessons.forEach((b, byLang) -> frozen.put(b, Map.copyOf(byLang)));
        return new LessonModule(id, y.integer(m, "order"), List.copyOf(bands), List.copyOf(tags),
                y.bool(m, "featured", false), y.bool(m, "showsLaw", false), frozen);
    }

    Lesson loadLesson(String file, String text, String moduleId, Band band, Language lang) {
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
            throw y.error(y.required(m, "minutes"), "minutes " + minutes + " outside band " + band.id + "'s range "
                    + band.minMinutes + "-" + band.maxMinutes);
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
            throw new ContentException(file, bodyFirstLine, "the body must not have a level-1 heading: the page shows the title");
        }
        if (Pattern.compile("(?m)^## ").matcher(body).results().count() < 2) {
            throw new ContentException(file, bodyFirstLine, "the body needs a '## ' heading for the scenario and one for the explanation");
        }
        Matcher rawHtml = Pattern.compile("<[a-zA-Z/!]").matcher(body);
        if (rawHtml.find()) {
            throw new ContentException(file, bodyFirstLine + LessonTextRules.lineOf(body, rawHtml.start()) - 1,
                    "raw HTML is not allowed in a lesson");
        }
        LessonTextRules.check(text, band, lang).ifPresent(p -> {
            throw new ContentException(file, Integer.parseInt(p[0]), p[1]);
        });
        LessonTextRules.checkSentences(body, bodyFirstLine, band, lang).ifPresent(p -> {
            throw new ContentException(file, Integer.parseInt(p[0]), p[1]);
        });
        String rendered = html.render(markdown.parse(body));
        return new Lesson(moduleId, band, lang, y.str(m, "title"), y.str(m, "summary"), minutes,
                y.str(m, "essentialQuestion"), List.copyOf(objectives), List.copyOf(vocabulary), List.copyOf(discussion),
                y.str(m, "familyNote"), List.copyOf(quiz), rendered);
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
            throw y.error(y.required(q, "answer"), "question " + id + ": answer " + answer + " is out of range 0-"
                    + (choices.size() - 1));
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
            facts.add(new LawFact(id, j, act, protects, y.localized(fact, "offence"), y.localized(fact, "penalty"),
                    y.localized(fact, "statute"), y.date(fact, "inForce"), source, y.date(fact, "reviewed"), status,
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
            if (url.isPresent() && !url.get().startsWith("https://") && !url.get().startsWith("http://")) {
                throw y.error(y.required(e, "url"), "help entry " + id + ": url must be a web address");
            }
            entries.add(new HelpEntry(id, oneOf(y, e, "kind", HELP_KINDS), oneOf(y, e, "ages", AGES),
                    y.localized(e, "name"), y.localized(e, "description"), phone.orElse(null), url.orElse(null),
                    y.optLocalized(e, "hours").orElse(null), y.date(e, "verified")));
        }
        return new HelpDirectory(j, y.str(emergency, "number"), y.localized(emergency, "name"), List.copyOf(entries));
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
            throw y.error(y.required(d, "id"), "duty id '" + id + "' must be lower-case letters, digits and hyphens"
                    + " and start with '" + j + "-'");
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
                throw y.error(due, "duty " + id + ": due must be immediately, asap or {hours: N} with N from 1 to "
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
        Optional<Localized> note = y.get(d, "note").isPresent() ? Optional.of(y.localizedAll(d, "note")) : Optional.empty();
        if (status.equals("needs-review") && note.isEmpty()) {
            throw y.error(d, "duty " + id + " needs review: say what must be checked in 'note'");
        }
        return new Duty(id, j, oneOf(y, d, "who", DUTY_WHO), List.copyOf(categories), List.copyOf(ages), dangerNow,
                oneOf(y, d, "action", DUTY_ACTIONS), mandatory, asap, within, y.localizedAll(d, "title"),
                y.localizedAll(d, "detail"), y.localizedAll(d, "statute"), source, y.date(d, "reviewed"), status,
                note.orElse(null));
    }

    /** A list whose every item is one of the allowed values, each named with its line when it is not. */
    private static List<String> values(YamlFile y, MappingNode m, String key, Set<String> allowed) {
        List<String> out = new ArrayList<>();
        for (Node n : y.list(m, key)) {
            String v = n instanceof ScalarNode s ? s.getValue().strip() : "";
            if (!allowed.contains(v)) {
                throw y.error(n, "'" + key + "' may hold only " + new java.util.TreeSet<>(allowed) + ", not '" + v + "'");
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
