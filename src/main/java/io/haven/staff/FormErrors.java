package io.haven.staff;

import jakarta.validation.ConstraintViolation;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A form's problems as field name to message key, in the order the fields appear on the page: the
 * error summary links to each field, and each field shows its own. Constraint messages are keys.
 * The key "_csrf" stands for an expired form and has no field to link to.
 */
final class FormErrors {

    static final String CSRF = "_csrf";

    private FormErrors() {}

    static <T> Map<String, String> of(T form, Set<ConstraintViolation<T>> violations) {
        List<String> order =
                Arrays.stream(form.getClass().getFields()).map(Field::getName).toList();
        Map<String, String> out = new LinkedHashMap<>();
        violations.stream()
                .sorted(Comparator.comparingInt((ConstraintViolation<T> v) ->
                                order.indexOf(v.getPropertyPath().toString()))
                        .thenComparing(ConstraintViolation::getMessageTemplate))
                .forEach(v -> out.putIfAbsent(v.getPropertyPath().toString(), v.getMessageTemplate()));
        return out;
    }

    /** Adds a problem found after the constraints (a password that does not match), keeping page order. */
    static void add(Map<String, String> errors, Object form, String field, String key) {
        if (errors.containsKey(field)) {
            return;
        }
        List<String> order =
                Arrays.stream(form.getClass().getFields()).map(Field::getName).toList();
        Map<String, String> copy = new LinkedHashMap<>(errors);
        copy.put(field, key);
        errors.clear();
        copy.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> order.indexOf(e.getKey())))
                .forEach(e -> errors.put(e.getKey(), e.getValue()));
    }
}
