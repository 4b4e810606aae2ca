package io.haven.classroom;

/** The answer to a join attempt: a problem, or the new seat with its resume code (shown once, never stored). */
public record JoinOutcome(Problem problem, Seat seat, String resumeCode) {

    public enum Problem {
        UNKNOWN_CODE,
        CLOSED,
        EXPIRED,
        FULL,
        NICKNAME_TAKEN,
        /** The same join form sent again (a refresh of the page that answered it): the seat exists already. */
        REPEATED
    }

    static JoinOutcome refused(Problem p) {
        return new JoinOutcome(p, null, null);
    }

    public boolean joined() {
        return problem == null;
    }
}
