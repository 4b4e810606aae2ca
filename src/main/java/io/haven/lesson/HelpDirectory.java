package io.haven.lesson;

import io.haven.web.Band;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where to get help in one jurisdiction; the emergency number always comes first. */
public record HelpDirectory(
        String jurisdiction, String emergencyNumber, Localized emergencyName, List<HelpEntry> entries)
        implements Serializable {

    /** This directory as a page shows it: with the school's own emergency number when the page has one. */
    public static HelpDirectory forPage(java.util.Map<String, HelpDirectory> all, io.haven.web.PageContext page) {
        HelpDirectory h = all.get(page.getJurisdiction());
        String override = page.getEmergencyNumber();
        return h == null || override == null
                ? h
                : new HelpDirectory(h.jurisdiction, override, h.emergencyName, h.entries);
    }

    /** forPage, then only what the reader's chosen band may use (every entry when no band is chosen). */
    public static HelpDirectory forReader(java.util.Map<String, HelpDirectory> all, io.haven.web.PageContext page) {
        HelpDirectory h = forPage(all, page);
        return h == null ? null : h.forBand(page.chosenBand());
    }

    /**
     * The entries a reader of this band may use (their ages overlap the band's); for 5-7 and 8-10,
     * children's lines first. Without a band, every entry in the file's order.
     */
    public HelpDirectory forBand(Optional<Band> band) {
        if (band.isEmpty()) {
            return this;
        }
        Band b = band.get();
        List<HelpEntry> shown =
                new ArrayList<>(entries.stream().filter(e -> e.serves(b)).toList());
        if (b.ordinal() <= Band.AGES_8_10.ordinal()) {
            // A stable sort: children's lines first, the rest keep the file's order.
            shown.sort(java.util.Comparator.comparing(e -> !e.isChildrensLine()));
        }
        return new HelpDirectory(jurisdiction, emergencyNumber, emergencyName, List.copyOf(shown));
    }
}
