package io.haven.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** What templates ask about forms and message keys. */
@TemplateExtension(namespace = "form")
public class FormTemplates {

    private FormTemplates() {}

    /** Whether a page's {@code errors} hold any error; false for anything else, including a page without errors. */
    static boolean failed(Object errors) {
        return errors instanceof FormErrors f && f.isPresent();
    }

    /**
     * The text of a message key held in data (a hint, an enum's label), from whichever bundle has it, in
     * the page's language: {@code {form:text(key)}}, as the {@code {#msgKey}} tag does.
     */
    static String text(String key) {
        PageContext page = Arc.container().instance(PageContext.class).get();
        return MessageKeys.text(key, page.language());
    }
}
