package io.haven.casework;

import org.jboss.resteasy.reactive.RestForm;

/** The case page's message to the reporter. Not empty, not too long, kept when refused. */
public class CaseMessageForm extends CaseChangeForm {

    @RestForm
    public String message;

    String text() {
        return FormText.text(message);
    }
}
