package io.haven.lesson;

/** A vocabulary entry of a lesson. */
public record Term(String term, String definition) {}
