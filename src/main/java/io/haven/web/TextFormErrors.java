package io.haven.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * (Being replaced by the key-based {@link FormErrors}.) Errors of a submitted form, field by field, already in the reader's language: the page shows them
 * in an error summary at the top (linking to each field) and next to each field.
 */
@Deprecated
public class TextFormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public TextFormErrors add(String field, String text) {
        byField.putIfAbsent(field, text);
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean isPresent() {
        return !byField.isEmpty();
    }

    public Map<String, String> getAll() {
        return byField;
    }
}
