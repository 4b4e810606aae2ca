package io.haven.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An age band. Lessons are written per band; content for older bands is never shown by default to younger ones. */
public enum Band {
    AGES_5_7("5-7", 10, 20),
    AGES_8_10("8-10", 15, 30),
    AGES_11_13("11-13", 20, 45),
    AGES_14_18("14-18", 45, 50);

    public final String id;
    public final int minMinutes;
    public final int maxMinutes;
    /** The band as of()'s answer: every request resolves its band, so without a new Optional each time. */
    private final Optional<Band> optional;

    private static final Band[] ALL = values();

    Band(String id, int minMinutes, int maxMinutes) {
        this.id = id;
        this.minMinutes = minMinutes;
        this.maxMinutes = maxMinutes;
        this.optional = Optional.of(this);
    }

    public static Optional<Band> of(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String trimmed = id.trim();
        for (Band b : ALL) {
            if (b.id.equals(trimmed)) {
                return b.optional;
            }
        }
        return Optional.empty();
    }

    /** Youngest reader of the band. */
    public int minAge() {
        return Integer.parseInt(id.substring(0, id.indexOf('-')));
    }

    /** Oldest reader of the band. */
    public int maxAge() {
        return Integer.parseInt(id.substring(id.indexOf('-') + 1));
    }

    public String getId() {
        return id;
    }

    /** Bands ordered by closeness to this one; on a tie the younger band wins, as it is the safer choice. */
    public List<Band> byCloseness() {
        return Arrays.stream(values())
                .sorted(Comparator.<Band>comparingInt(b -> Math.abs(b.ordinal() - ordinal()))
                        .thenComparingInt(Band::ordinal))
                .toList();
    }
}
