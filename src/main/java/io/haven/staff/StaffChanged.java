package io.haven.staff;

import java.util.Set;

/**
 * A school administrator changed a colleague in a way that matters to their cases. Fired inside the change's
 * transaction; casework observes it and moves the cases the colleague may no longer hold (staff knows no case).
 */
public final class StaffChanged {

    /** What happened to the colleague. */
    public enum Kind {
        /** Their roles at the school are now {@link #roles()}. */
        ROLES,
        /** Deactivated; their open cases go to {@link #reassignTo()} where that colleague may see them. */
        DEACTIVATED
    }

    private final Kind kind;
    private final long schoolId;
    private final long actorId;
    private final long targetId;
    private final Set<Role> roles;
    private final Long reassignTo;
    private int openCases;
    private int toColleague;

    private StaffChanged(Kind kind, long schoolId, long actorId, long targetId, Set<Role> roles, Long reassignTo) {
        this.kind = kind;
        this.schoolId = schoolId;
        this.actorId = actorId;
        this.targetId = targetId;
        this.roles = roles;
        this.reassignTo = reassignTo;
    }

    static StaffChanged roles(long schoolId, long actorId, long targetId, Set<Role> roles) {
        return new StaffChanged(Kind.ROLES, schoolId, actorId, targetId, Set.copyOf(roles), null);
    }

    static StaffChanged deactivated(long schoolId, long actorId, long targetId, Long reassignTo) {
        return new StaffChanged(Kind.DEACTIVATED, schoolId, actorId, targetId, Set.of(), reassignTo);
    }

    public Kind kind() {
        return kind;
    }

    public long schoolId() {
        return schoolId;
    }

    public long actorId() {
        return actorId;
    }

    public long targetId() {
        return targetId;
    }

    /** The colleague's roles at the school now (none once deactivated). */
    public Set<Role> roles() {
        return roles;
    }

    public Long reassignTo() {
        return reassignTo;
    }

    /** Set by the observer: how many open cases the colleague held, and how many went to {@link #reassignTo()}. */
    public void moved(int openCases, int toColleague) {
        this.openCases = openCases;
        this.toColleague = toColleague;
    }

    int openCases() {
        return openCases;
    }

    int toColleague() {
        return toColleague;
    }
}
