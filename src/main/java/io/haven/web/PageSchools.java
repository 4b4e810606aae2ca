package io.haven.web;

import java.util.Optional;

/**
 * The schools a page under {@code /s/<slug>/} can belong to, as every page needs them (jurisdiction,
 * quick exit, emergency number). The school package provides it: web knows no feature.
 */
public interface PageSchools {

    /** What every page needs to know of its school. */
    interface PageSchool {
        String jurisdiction();

        String quickExitUrl();

        String emergencyNumber();
    }

    Optional<? extends PageSchool> bySlug(String slug);
}
