package io.haven.casework;

import org.jboss.resteasy.reactive.RestForm;

/** The case page's internal note. Checked like a message (not empty, not too long), kept when refused. */
public class CaseNoteForm extends CaseChangeForm {

    @RestForm
    public String note;

    String text() {
        return FormText.text(note);
    }
}
