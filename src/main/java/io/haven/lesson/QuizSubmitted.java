package io.haven.lesson;

import io.haven.web.Band;

/** Fired when a complete quiz was graded, with the result by language-independent question id. */
public record QuizSubmitted(String moduleId, Band band, QuizResult result) {}
