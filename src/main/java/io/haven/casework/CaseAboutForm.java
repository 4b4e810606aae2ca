package io.haven.casework;

import org.jboss.resteasy.reactive.RestForm;

/** The case page's "this concern is about" form: a staff member of the case's school. */
public class CaseAboutForm {

    @RestForm
    public String about;

    /** The staff id chosen; -1 when absent or garbled. */
    long aboutId() {
        return FormText.staffId(about);
    }
}
