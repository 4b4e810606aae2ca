package io.haven.classroom;

import io.haven.web.Band;
import io.haven.web.Language;
import io.haven.web.TextFormErrors;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The new-class form, as typed; {@link #validate} turns it into errors or clean values. */
public class ClassForm {

    static final int NAME_MAX = 100;
    static final int CAP_MAX = 500;

    public String name = "";
    public String band = "";
    public String language = "";
    public String school = "";
    public String expiresOn = "";
    public String seatCap = "";

    static ClassForm of(MultivaluedMap<String, String> form) {
        ClassForm f = new ClassForm();
        f.name = field(form, "name");
        f.band = field(form, "band");
        f.language = field(form, "language");
        f.school = field(form, "school");
        f.expiresOn = field(form, "expiresOn");
        f.seatCap = field(form, "seatCap");
        return f;
    }

    /** Errors in page order; the schools are the ones where the teacher teaches. */
    TextFormErrors validate(ClassroomMsg msg, List<Long> schools, LocalDate today) {
        TextFormErrors e = new TextFormErrors();
        if (name.isEmpty()) {
            e.add("name", msg.classroom_form_error_name());
        } else if (name.codePointCount(0, name.length()) > NAME_MAX) {
            e.add("name", msg.classroom_form_error_name_long(NAME_MAX));
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            e.add("name", msg.classroom_form_error_control_characters());
        }
        if (schoolId().filter(schools::contains).isEmpty()) {
            e.add("school", msg.classroom_form_error_school());
        }
        if (band().isEmpty()) {
            e.add("band", msg.classroom_form_error_band());
        }
        if (language().isEmpty()) {
            e.add("language", msg.classroom_form_error_language());
        }
        if (!expiresOn.isEmpty()) {
            Optional<LocalDate> d = date(expiresOn);
            if (d.isEmpty()) {
                e.add("expiresOn", msg.classroom_form_error_date());
            } else if (d.get().isBefore(today)) {
                e.add("expiresOn", msg.classroom_form_error_date_past());
            }
        }
        if (!seatCap.isEmpty()) {
            Integer cap = cap();
            if (cap == null || cap < 1 || cap > CAP_MAX) {
                e.add("seatCap", msg.classroom_form_error_cap(CAP_MAX));
            }
        }
        return e;
    }

    public boolean isSchool(Long id) {
        return school.equals(String.valueOf(id));
    }

    Optional<Long> schoolId() {
        try {
            return Optional.of(Long.parseLong(school));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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

    static String field(MultivaluedMap<String, String> form, String name) {
        return Optional.ofNullable(form.getFirst(name)).orElse("").strip();
    }
}
