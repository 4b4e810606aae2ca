package io.haven.lesson;

import io.haven.web.Band;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * A hotline, takedown or reporting service. {@code ages} as written in the file (any, adult or a
 * range such as "0-17"), read into the ages it serves; {@code status} says how it was checked.
 */
public record HelpEntry(
        String id,
        String kind,
        String ages,
        int minAge,
        int maxAge,
        Localized name,
        Localized description,
        String phone,
        String url,
        Localized hours,
        LocalDate verified,
        String status,
        Localized note)
        implements Serializable {

    /** Oldest age an open-ended entry ("any", "adult") serves. */
    static final int NO_LIMIT = 200;

    /** Whether a reader of this band may be served: the entry's ages overlap the band's. */
    public boolean serves(Band band) {
        return minAge <= band.maxAge() && maxAge >= band.minAge();
    }

    /** A line for children and young people to talk to: a helpline or counselling service with an upper age limit. */
    public boolean isChildrensLine() {
        return ("helpline".equals(kind) || "counselling".equals(kind)) && maxAge < NO_LIMIT && minAge < 18;
    }

    public boolean isForEveryone() {
        return minAge == 0 && maxAge == NO_LIMIT;
    }

    public boolean isAdultOnly() {
        return minAge >= 18;
    }

    /** "Under n" when the range starts at 0: the age the entry stops at, plus one. */
    public boolean isUnder() {
        return minAge == 0 && maxAge < NO_LIMIT;
    }

    public int getUnderAge() {
        return maxAge + 1;
    }
}
