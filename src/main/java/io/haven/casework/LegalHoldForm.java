package io.haven.casework;

import org.jboss.resteasy.reactive.RestForm;

/** The case page's legal hold form: why the case's content must be kept. */
public class LegalHoldForm {

    @RestForm(LegalHoldResource.FIELD)
    public String reason;

    String reasonText() {
        return FormText.text(reason);
    }
}
