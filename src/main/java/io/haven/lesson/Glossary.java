package io.haven.lesson;

import io.haven.web.Language;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One term per idea per language (content/glossary/&lt;lang&gt;.yaml): lessons and guides in a language
 * use the term and never contain one of its 'avoid' strings.
 */
public record Glossary(Map<Language, List<Term>> terms) implements Serializable {

    /** An idea, the term to use for it, the variants to avoid and an optional note for writers. */
    public record Term(String idea, String use, List<String> avoid, String note) implements Serializable {}

    public List<Term> in(Language language) {
        return terms.getOrDefault(language, List.of());
    }
}
