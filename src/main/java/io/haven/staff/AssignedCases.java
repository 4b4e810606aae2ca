package io.haven.staff;

/** What the staff pages need to know of a colleague's cases; casework provides it (staff knows no case). */
public interface AssignedCases {

    /** Open cases of the school assigned to the colleague. */
    long openCasesOf(long schoolId, long staffId);
}
