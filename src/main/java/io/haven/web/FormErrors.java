package io.haven.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A submitted form's problems, field by field, as message keys (with arguments where the sentence needs
 * a number). Code and tests compare keys; the page shows the text in the reader's language, in an error
 * summary at the top linking to each field ({@code {#errorSummary/}}) and beside each field
 * ({@code {#field/}}, {@code {#fieldError/}}). The field {@value #STALE} stands for an expired form
 * (a stale CSRF token) and has no field to link to.
 */
public final class FormErrors {

    public static final String STALE = "_csrf";

    private record Problem(String key, Object[] args) {}

    private final Language language;
    private final Map<String, Problem> byField = new LinkedHashMap<>();

    public FormErrors(Language language) {
        this.language = language;
    }

    /** Adds a problem unless the field already has one: the first problem found is the one shown. */
    public FormErrors add(String field, String key, Object... args) {
        byField.putIfAbsent(field, new Problem(key, args));
        return this;
    }

    /** Puts the fields in the order they appear on the page (unknown fields and the stale form first). */
    public FormErrors inOrder(List<String> fields) {
        List<Map.Entry<String, Problem>> entries = new ArrayList<>(byField.entrySet());
        entries.sort(Comparator.comparingInt(e -> fields.indexOf(e.getKey())));
        byField.clear();
        entries.forEach(e -> byField.put(e.getKey(), e.getValue()));
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The message key of the field's problem, or null. */
    public String key(String field) {
        Problem p = byField.get(field);
        return p == null ? null : p.key();
    }

    /** The field's problem as text in the page's language, or null. */
    public String get(String field) {
        Problem p = byField.get(field);
        return p == null ? null : MessageKeys.text(p.key(), language, p.args());
    }

    /** Whether the form came back because its token was stale (nothing else was checked then). */
    public boolean isStale() {
        return byField.containsKey(STALE);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean isPresent() {
        return !byField.isEmpty();
    }

    public int size() {
        return byField.size();
    }

    /** Field to text, in page order, for the error summary. */
    public Map<String, String> getAll() {
        Map<String, String> out = new LinkedHashMap<>();
        byField.keySet().forEach(f -> out.put(f, get(f)));
        return out;
    }

    /** Field to key, in page order (for tests and logs: never text). */
    public Map<String, String> keys() {
        Map<String, String> out = new LinkedHashMap<>();
        byField.forEach((f, p) -> out.put(f, p.key()));
        return out;
    }
}
