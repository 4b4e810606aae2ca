package io.haven.report;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Optional;

/**
 * How old the person it happened to is, as the reporter chose it (optional: "not sure" by default).
 * Only the band is stored, never an age; the band decides which staff duties apply.
 */
public enum AgeBand {
    AGES_5_7("5-7"),
    AGES_8_10("8-10"),
    AGES_11_13("11-13"),
    AGES_14_18("14-18"),
    ADULT("adult"),
    NOT_SURE("not-sure");

    public final String id;

    AgeBand(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public String getLabelKey() {
        return "report_age_" + id.replace('-', '_');
    }

    /** A band by its id; a blank value is "not sure" (the default), an unknown one is empty. */
    public static Optional<AgeBand> of(String id) {
        if (id == null || id.isBlank()) {
            return Optional.of(NOT_SURE);
        }
        return Arrays.stream(values()).filter(b -> b.id.equals(id.strip())).findFirst();
    }

    /** Stores the band's id ("11-13"), the same ids content/duties uses. */
    @Converter
    public static class Column implements AttributeConverter<AgeBand, String> {

        @Override
        public String convertToDatabaseColumn(AgeBand band) {
            return band == null ? NOT_SURE.id : band.id;
        }

        @Override
        public AgeBand convertToEntityAttribute(String id) {
            return of(id).orElse(NOT_SURE);
        }
    }
}
