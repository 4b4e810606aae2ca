package io.haven.lesson;

import java.io.Serializable;

/** A vocabulary entry of a lesson. */
public record Term(String term, String definition) implements Serializable {}
