package io.haven.lesson;

import java.util.List;

/** Where to get help in one jurisdiction; the emergency number always comes first. */
public record HelpDirectory(String jurisdiction, String emergencyNumber, Localized emergencyName,
        List<HelpEntry> entries) {

    /** This directory as a page shows it: with the school's own emergency number when the page has one. */
    public static HelpDirectory forPage(java.util.Map<String, HelpDirectory> all, io.haven.web.PageContext page) {
        HelpDirectory h = all.get(page.getJurisdiction());
        String override = page.getEmergencyNumber();
        return h == null || override == null ? h : new HelpDirectory(h.jurisdiction, override, h.emergencyName, h.entries);
    }
}
