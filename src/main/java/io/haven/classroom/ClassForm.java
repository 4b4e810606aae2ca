package io.haven.classroom;

import io.haven.web.Band;
import io.haven.web.FormErrors;
import io.haven.web.Language;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** The new-class form, as typed; {@link #check} adds the rules Bean Validation cannot say. */
public class ClassForm {

    static final int NAME_MAX = 100;
    static final int CAP_MAX = 500;

    /** The fields in page order. */
    static final List<String> FIELDS = List.of("name", "school", "band", "language", "expiresOn", "seatCap");

    @RestForm
    @NotBlank(message = "classroom_form_error_name")
    public String name = "";

    @RestForm
    public String school = "";

    @RestForm
    public String band = "";

    @RestForm
    public String language = "";

    @RestForm
    public String expiresOn = "";

    @RestForm
    public String seatCap = "";

    /** The fields as typed, without the spaces a paste brings (an absent field is empty). */
    ClassForm stripped() {
        name = field(name);
        school = field(school);
        band = field(band);
        language = field(language);
        expiresOn = field(expiresOn);
        seatCap = field(seatCap);
        return this;
    }

    /** Adds the rules that need the teacher's schools, today or a number; errors in page order. */
    FormErrors check(FormErrors e, List<Long> schools, LocalDate today) {
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            e.add("name", "classroom_form_error_name_long", NAME_MAX);
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            e.add("name", "classroom_form_error_control_characters");
        }
        if (schoolId().filter(schools::contains).isEmpty()) {
            e.add("school", "classroom_form_error_school");
        }
        if (band().isEmpty()) {
            e.add("band", "classroom_form_error_band");
        }
        if (language().isEmpty()) {
            e.add("language", "classroom_form_error_language");
        }
        if (!expiresOn.isEmpty()) {
            Optional<LocalDate> d = date(expiresOn);
            if (d.isEmpty()) {
                e.add("expiresOn", "classroom_form_error_date");
            } else if (d.get().isBefore(today)) {
                e.add("expiresOn", "classroom_form_error_date_past");
            }
        }
        if (!seatCap.isEmpty()) {
            Integer cap = cap();
            if (cap == null || cap < 1 || cap > CAP_MAX) {
                e.add("seatCap", "classroom_form_error_cap", CAP_MAX);
            }
        }
        return e.inOrder(FIELDS);
    }

    public boolean isSchool(Long id) {
        return school.equals(String.valueOf(id));
    }

    Optional<Long> schoolId() {
        return io.haven.web.FormValues.number(school);
    }

    Optional<Band> band() {
        return Band.of(band);
    }

    Optional<Language> language() {
        return Language.of(language).filter(l -> l.code.equals(language));
    }

    LocalDate expiry() {
        return expiresOn.isEmpty() ? null : date(expiresOn).orElse(null);
    }

    Integer cap() {
        if (seatCap.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(seatCap);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Optional<LocalDate> date(String s) {
        try {
            return Optional.of(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String field(String typed) {
        return typed == null ? "" : typed.strip();
    }
}
