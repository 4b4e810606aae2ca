package io.haven.lesson;

import java.time.LocalDate;

/** A hotline, takedown or reporting service. */
public record HelpEntry(String id, String kind, String ages, Localized name, Localized description, String phone,
        String url, Localized hours, LocalDate verified) {
}
