package io.haven.casework;

import io.haven.web.Flash;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The section of the case page a flash message belongs to: each change answers 303 to that section
 * (a URL fragment), so its message is shown there and not at the top of a long page.
 */
@RequestScoped
@Named("caseFlash")
public class CaseFlash {

    @Inject
    Flash flash;

    public String getSection() {
        return section(flash.peek());
    }

    /** The section (an element id of the case page) a flash key is about; the summary when unknown. */
    static String section(String key) {
        if (key == null) {
            return "";
        }
        if (key.startsWith("duty_")) {
            return "duties";
        }
        if (key.startsWith("deadline_flash_hold")) {
            return "hold";
        }
        return switch (key) {
            case "case_flash_status", "case_flash_assigned", "case_flash_about" -> "handling";
            case "case_flash_note" -> "notes";
            case "case_flash_message" -> "conversation";
            case "casework_flash_referral" -> "referral";
            case "casework_flash_linked", "casework_flash_unlinked" -> "linked";
            case "casework_flash_close_requested",
                    "casework_flash_close_withdrawn",
                    "casework_flash_closed",
                    "casework_flash_reopened" -> "closing";
            default -> "summary";
        };
    }

    /** Where a change sends the browser back to: the case page at the section of its message. */
    static java.net.URI back(long caseId, String flashKey) {
        return java.net.URI.create("/staff/cases/" + caseId + "#" + section(flashKey));
    }
}
