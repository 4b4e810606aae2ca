package io.haven.casework;

import org.jboss.resteasy.reactive.RestForm;

/** A duty's "done" form of the case page: when, and a reference number (both checked by {@link CaseDuties}). */
public class DutyDoneForm {

    @RestForm
    public String doneAt;

    @RestForm
    public String reference;

    String when() {
        return FormText.text(doneAt);
    }

    String referenceText() {
        return FormText.text(reference);
    }
}
