package io.haven.casework;

import org.jboss.resteasy.reactive.RestForm;

/**
 * What the workflow forms of a case page hold (closing, second confirmation, referral, linking), kept when
 * one is refused. Bound from the posted form, then {@link #normalised()} as the workflow reads it.
 */
public class WorkflowForm {

    @RestForm
    public String outcome;

    @RestForm
    public String reason;

    @RestForm
    public String duplicate;

    @RestForm
    public String kind;

    @RestForm
    public String reference;

    @RestForm
    public String reasonNone;

    @RestForm
    public String link;

    /** The closing message to the reporter; null when the form had no such field (the page prefills it). */
    @RestForm
    public String message;

    public WorkflowForm() {}

    public WorkflowForm(
            String outcome,
            String reason,
            String duplicate,
            String kind,
            String reference,
            String reasonNone,
            String link,
            String message) {
        this.outcome = outcome;
        this.reason = reason;
        this.duplicate = duplicate;
        this.kind = kind;
        this.reference = reference;
        this.reasonNone = reasonNone;
        this.link = link;
        this.message = message;
    }

    public static WorkflowForm empty() {
        return new WorkflowForm("", "", "", "", "", "", "", null);
    }

    /** Each field stripped, line ends made plain, absent fields empty (the message stays null when absent). */
    WorkflowForm normalised() {
        return new WorkflowForm(
                FormText.text(outcome),
                FormText.text(reason),
                FormText.text(duplicate),
                FormText.text(kind),
                FormText.text(reference),
                FormText.text(reasonNone),
                FormText.text(link),
                message == null ? null : FormText.text(message));
    }

    public String outcome() {
        return outcome;
    }

    public String reason() {
        return reason;
    }

    public String duplicate() {
        return duplicate;
    }

    public String kind() {
        return kind;
    }

    public String reference() {
        return reference;
    }

    public String reasonNone() {
        return reasonNone;
    }

    public String link() {
        return link;
    }

    public String message() {
        return message;
    }
}
