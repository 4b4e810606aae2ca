package io.haven.casework;

import java.util.Optional;

/** What a workflow change came to: done (with the flash to show) or refused (with why, on which field). */
public record WorkflowResult(Optional<Refusal> refusal, String flashKey) {

    /** Why a workflow form was refused, and the field the message belongs to. */
    public enum Refusal {
        OUTCOME_MISSING("close-outcome"),
        REASON_MISSING("close-reason"),
        REASON_TOO_LONG("close-reason"),
        DUPLICATE_MISSING("close-duplicate"),
        DUPLICATE_UNKNOWN("close-duplicate"),
        DUPLICATE_SELF("close-duplicate"),
        ALREADY_CLOSED("close-form"),
        REFERRAL_MISSING("close-form"),
        REQUEST_PENDING("close-form"),
        NO_REQUEST("close-confirm"),
        OWN_REQUEST("close-confirm"),
        NOT_CLOSED("reopen-form"),
        KIND_MISSING("referral-kind"),
        REASON_NONE_MISSING("referral-reason"),
        REASON_NONE_TOO_LONG("referral-reason"),
        REFERENCE_TOO_LONG("referral-reference"),
        LINK_MISSING("link-case"),
        LINK_UNKNOWN("link-case"),
        LINK_SELF("link-case"),
        LINK_ALREADY("link-case"),
        NOT_LINKED("link-unlink"),
        STATUS_CLOSED_CASE("status"),
        STATUS_USE_CLOSE_FORM("status"),
        STATUS_REFERRAL_MISSING("status"),
        DUTIES_OPEN("close-form"),
        DUTIES_OPEN_CONFIRM("close-confirm"),
        CLOSE_MESSAGE_MISSING("close-message"),
        CLOSE_MESSAGE_TOO_LONG("close-message");

        public final String field;

        Refusal(String field) {
            this.field = field;
        }
    }

    static WorkflowResult done(String flashKey) {
        return new WorkflowResult(Optional.empty(), flashKey);
    }

    static WorkflowResult refused(Refusal why) {
        return new WorkflowResult(Optional.of(why), null);
    }
}
