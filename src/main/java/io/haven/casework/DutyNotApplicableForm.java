package io.haven.casework;

import org.jboss.resteasy.reactive.RestForm;

/** A duty's "does not apply" form of the case page: the reason (checked by {@link CaseDuties}). */
public class DutyNotApplicableForm {

    @RestForm
    public String reason;

    String reasonText() {
        return FormText.text(reason);
    }
}
