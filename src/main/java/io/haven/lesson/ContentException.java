package io.haven.lesson;

/** A content file breaks a rule; start-up stops with this message, naming the file, the line and the rule. */
public class ContentException extends RuntimeException {

    public ContentException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
