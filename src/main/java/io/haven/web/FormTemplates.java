package io.haven.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** What templates ask about forms and message keys. */
@TemplateExtension(namespace = "form")
public class FormTemplates {

    private FormTemplates() {}

    /**
     * The text of a message key held in data (a hint, an enum's label), from whichever bundle has it, in
     * the page's language: {@code {form:text(key)}}, as the {@code {#msgKey}} tag does.
     */
    static String text(String key) {
        PageContext page = Arc.container().instance(PageContext.class).get();
        return MessageKeys.text(key, page.language());
    }
}
