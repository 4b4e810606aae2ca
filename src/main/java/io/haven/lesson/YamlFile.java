package io.haven.lesson;

import io.haven.web.Language;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML document as a node tree, so that every rule broken can be reported with the line it
 * is on. Only plain mappings, lists and strings are accepted: no tags, no anchors that build objects.
 */
final class YamlFile {

    final String file;
    private final int lineOffset;

    private YamlFile(String file, int lineOffset) {
        this.file = file;
        this.lineOffset = lineOffset;
    }

    /** Parses text that begins at line {@code lineOffset + 1} of {@code file}; its root must be a mapping. */
    static Map.Entry<YamlFile, MappingNode> parse(String file, String text, int lineOffset) {
        YamlFile f = new YamlFile(file, lineOffset);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1 + lineOffset;
            throw new ContentException(file, line, "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ContentException(file, 0, "invalid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode m)) {
            throw new ContentException(file, lineOffset + 1, "expected a mapping of fields");
        }
        return Map.entry(f, m);
    }

    int line(Node node) {
        return node.getStartMark().getLine() + 1 + lineOffset;
    }

    ContentException error(Node node, String problem) {
        return new ContentException(file, line(node), problem);
    }

    Optional<Node> get(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(t.getValueNode());
            }
        }
        return Optional.empty();
    }

    Node required(MappingNode m, String key) {
        return get(m, key).orElseThrow(() -> error(m, "missing field '" + key + "'"));
    }

    String str(MappingNode m, String key) {
        Node n = required(m, key);
        String v = scalar(n, key);
        if (v.isBlank()) {
            throw error(n, "field '" + key + "' is empty");
        }
        return v.strip();
    }

    Optional<String> optStr(MappingNode m, String key) {
        return get(m, key).map(n -> scalar(n, key).strip()).filter(s -> !s.isEmpty());
    }

    int integer(MappingNode m, String key) {
        Node n = required(m, key);
        try {
            return Integer.parseInt(scalar(n, key).strip());
        } catch (NumberFormatException e) {
            throw error(n, "field '" + key + "' must be a whole number");
        }
    }

    boolean bool(MappingNode m, String key, boolean dflt) {
        return get(m, key)
                .map(n -> {
                    String v = scalar(n, key).strip();
                    if (!v.equals("true") && !v.equals("false")) {
                        throw error(n, "field '" + key + "' must be true or false");
                    }
                    return v.equals("true");
                })
                .orElse(dflt);
    }

    LocalDate date(MappingNode m, String key) {
        Node n = required(m, key);
        try {
            return LocalDate.parse(scalar(n, key).strip());
        } catch (DateTimeParseException e) {
            throw error(n, "field '" + key + "' must be a date like 2026-01-31");
        }
    }

    List<Node> list(MappingNode m, String key) {
        Node n = required(m, key);
        if (!(n instanceof SequenceNode s)) {
            throw error(n, "field '" + key + "' must be a list");
        }
        return s.getValue();
    }

    List<String> strList(MappingNode m, String key) {
        List<String> out = new ArrayList<>();
        for (Node n : list(m, key)) {
            String v = scalar(n, key).strip();
            if (v.isEmpty()) {
                throw error(n, "an item of '" + key + "' is empty");
            }
            out.add(v);
        }
        return out;
    }

    MappingNode mapping(Node n, String what) {
        if (!(n instanceof MappingNode m)) {
            throw error(n, what + " must be a mapping of fields");
        }
        return m;
    }

    /** A text in several languages: English required, Korean and French fall back to it. */
    Localized localized(MappingNode m, String key) {
        MappingNode texts = mapping(required(m, key), "field '" + key + "'");
        Map<Language, String> out = new EnumMap<>(Language.class);
        for (NodeTuple t : texts.getValue()) {
            String lang = scalar(t.getKeyNode(), key);
            Language l = Language.of(lang)
                    .orElseThrow(() ->
                            error(t.getKeyNode(), "unknown language '" + lang + "' in '" + key + "' (en, ko, fr)"));
            String v = scalar(t.getValueNode(), key).strip();
            if (!v.isEmpty()) {
                out.put(l, v);
            }
        }
        if (!out.containsKey(Language.EN)) {
            throw error(texts, "field '" + key + "' needs an English text (en)");
        }
        return new Localized(Map.copyOf(out));
    }

    /** A text that must be given in every language (duties: staff read them in theirs, with no fallback). */
    Localized localizedAll(MappingNode m, String key) {
        Localized l = localized(m, key);
        for (Language lang : Language.values()) {
            if (!l.texts().containsKey(lang)) {
                throw error(
                        required(m, key),
                        "field '" + key + "' has no " + lang.code + " text (en, ko and fr are all required)");
            }
        }
        return l;
    }

    Optional<Localized> optLocalized(MappingNode m, String key) {
        return get(m, key).isPresent() ? Optional.of(localized(m, key)) : Optional.empty();
    }

    /** Every text value under a node (not the keys, not the numbers), with its line: the words a reader sees. */
    List<LessonTextRules.Piece> scalars(Node n) {
        List<LessonTextRules.Piece> out = new ArrayList<>();
        if (n instanceof ScalarNode s) {
            if (s.getTag().equals(Tag.STR)) {
                out.add(new LessonTextRules.Piece(s.getValue(), line(s)));
            }
        } else if (n instanceof SequenceNode s) {
            s.getValue().forEach(c -> out.addAll(scalars(c)));
        } else if (n instanceof MappingNode m) {
            m.getValue().forEach(t -> out.addAll(scalars(t.getValueNode())));
        }
        return out;
    }

    private String scalar(Node n, String key) {
        if (!(n instanceof ScalarNode s)) {
            throw error(n, "field '" + key + "' must be a plain value");
        }
        return s.getValue();
    }
}
