package io.haven.casework;

import org.jboss.resteasy.reactive.RestForm;

/**
 * A form of the case page that changes the case: it carries the version of the case it was shown with, so
 * that a change made meanwhile by someone else is answered with {@link CaseConflictPage}. On its own, the
 * summary's one-click acknowledgement.
 */
public class CaseChangeForm {

    @RestForm
    public String version;

    /** The version the page showed; null when absent or garbled. */
    Long seenVersion() {
        return FormText.version(version);
    }
}
