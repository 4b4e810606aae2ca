package io.haven.audit;

/**
 * Who did what the audit records: a member of staff, or the portal itself (a scheduled job, the
 * provisioning file), which has no staff id. People and jobs audit through the same {@link Audit#record}.
 */
public record Actor(Long staffId, String system) {

    public static Actor staff(long staffId) {
        return new Actor(staffId, null);
    }

    /** A job or start-up task of the portal: the row has no staff id. */
    public static Actor system(String name) {
        return new Actor(null, name);
    }

    /** The staff id when there is one, else the portal (as callers that may have no signed-in person hold it). */
    public static Actor of(Long staffId) {
        return staffId == null ? system("portal") : staff(staffId);
    }
}
