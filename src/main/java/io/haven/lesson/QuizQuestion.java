package io.haven.lesson;

import java.io.Serializable;
import java.util.List;

/** A quiz question. Its id is the same in every language so results compare across translations. */
public record QuizQuestion(String id, String text, List<String> choices, int answer, String explanation)
        implements Serializable {}
