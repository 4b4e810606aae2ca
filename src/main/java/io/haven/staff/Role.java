package io.haven.staff;

/** What a staff member may do. TEACHER, HANDLER and ADMIN hold for one school; DISTRICT_ADMIN for none. */
public enum Role {
    TEACHER,
    HANDLER,
    ADMIN,
    DISTRICT_ADMIN;

    /** Roles that see reports or manage people must pass a second factor. */
    public boolean needsSecondFactor() {
        return this != TEACHER;
    }

    public boolean perSchool() {
        return this != DISTRICT_ADMIN;
    }
}
