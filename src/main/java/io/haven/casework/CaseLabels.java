package io.haven.casework;

import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.Outcome;
import io.haven.web.Language;
import io.haven.web.MessageKeys;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The case list's words for categories, statuses and outcomes, by their staff message key, built once per
 * language. The list asked the message bundles for them by key on each of its 200 rows, and a bundle answers
 * a look-up by key by comparing it with every message name it holds (a fifth of the list's template time).
 */
final class CaseLabels {

    private static final Map<Language, Map<String, String>> BY_LANGUAGE = new EnumMap<>(Language.class);

    private CaseLabels() {}

    static synchronized Map<String, String> of(Language language) {
        return BY_LANGUAGE.computeIfAbsent(language, CaseLabels::build);
    }

    private static Map<String, String> build(Language language) {
        Map<String, String> labels = new HashMap<>();
        for (Category c : Category.values()) {
            labels.put(c.getStaffKey(), MessageKeys.text(c.getStaffKey(), language));
        }
        for (CaseStatus s : CaseStatus.values()) {
            labels.put(s.getStaffKey(), MessageKeys.text(s.getStaffKey(), language));
        }
        for (Outcome o : Outcome.values()) {
            labels.put(o.getStaffKey(), MessageKeys.text(o.getStaffKey(), language));
        }
        return Map.copyOf(labels);
    }
}
