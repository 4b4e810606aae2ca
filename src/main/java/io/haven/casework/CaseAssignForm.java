package io.haven.casework;

import org.jboss.resteasy.reactive.RestForm;

/** The case page's assignment form: the handler chosen. */
public class CaseAssignForm extends CaseChangeForm {

    @RestForm
    public String assignee;

    /** The staff id chosen; -1 when absent or garbled. */
    long assigneeId() {
        return FormText.staffId(assignee);
    }
}
