package io.haven.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.web.FormSession;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the legal duties of a case the way handlers do, for tests whose subject comes after them
 * (closing, escalation). Reads the duties from the case page, so it works whatever content/duties holds.
 */
public final class Duties {

    private static final Pattern DONE_FORM = Pattern.compile("action=\"/staff/cases/(\\d+)/duties/([a-z0-9-]+)/done\"");

    private Duties() {}

    /** The ids of the duties the case page lists with a form. */
    public static Set<String> listed(FormSession s, long caseId) {
        Matcher m = DONE_FORM.matcher(s.get("/staff/cases/" + caseId).asString());
        Set<String> ids = new LinkedHashSet<>();
        while (m.find()) {
            ids.add(m.group(2));
        }
        return ids;
    }

    /** Marks every duty the case page lists as done, with a reference. */
    public static void settle(FormSession s, long caseId) {
        for (String duty : listed(s, caseId)) {
            s.get("/staff/cases/" + caseId);
            assertThat(s.post(
                                    "/staff/cases/" + caseId + "/duties/" + duty + "/done",
                                    Map.of("reference", "REF-" + caseId))
                            .statusCode())
                    .as("marking " + duty)
                    .isEqualTo(303);
        }
    }
}
