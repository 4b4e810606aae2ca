package io.haven.web;

import java.util.List;
import java.util.Locale;

/** The jurisdictions Haven has law and help content for. */
public final class Jurisdictions {

    public static final List<String> IDS = List.of("kr", "fr", "gb", "us", "eu", "au");

    private Jurisdictions() {}

    /** The id if it is one Haven knows, else null. */
    public static String valid(String id) {
        if (id == null) {
            return null;
        }
        String lower = id.trim().toLowerCase(Locale.ROOT);
        return IDS.contains(lower) ? lower : null;
    }
}
