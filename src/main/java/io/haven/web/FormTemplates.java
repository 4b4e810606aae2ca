package io.haven.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Map;

/** What the base layout asks about the page it wraps: did the form on it come back with errors? */
@TemplateExtension(namespace = "form")
public class FormTemplates {

    private FormTemplates() {}

    /**
     * Whether a page's {@code errors} (either kind the error summaries take: {@link FormErrors} or a map of
     * field to message key) hold any error; false for anything else, including a page without errors.
     */
    static boolean failed(Object errors) {
        if (errors instanceof FormErrors f) {
            return f.isPresent();
        }
        if (errors instanceof TextFormErrors f) {
            return f.isPresent();
        }
        if (errors instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return false;
    }
}
