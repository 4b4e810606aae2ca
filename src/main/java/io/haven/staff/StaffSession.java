package io.haven.staff;

import io.haven.crypto.FieldCipher;
import io.haven.web.Clock;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed-in staff member of this request, from the {@code haven_staff} cookie (read only on
 * /staff routes, by {@link StaffFilters}). Templates read it as {@code inject:staff}. Resources ask
 * {@link #requireSignedIn()} or {@link #requireRole(long, Role...)}: another school's data is a 404.
 */
@RequestScoped
@Named("staff")
public class StaffSession {

    public static final String COOKIE = "haven_staff";

    /** How far a browser has got in signing in. */
    public enum State {
        /** No valid session. */
        NONE,
        /** Password passed; the account's roles need a second factor it has not set up yet. */
        NEEDS_ENROLMENT,
        /** Password passed; the second factor has not been passed yet. */
        NEEDS_SECOND_FACTOR,
        SIGNED_IN
    }

    @Inject
    FieldCipher cipher;

    @Inject
    Clock clock;

    @Inject
    StaffConfig config;

    @Inject
    StaffService service;

    private boolean loaded;
    private SessionClaims claims;
    private Staff staff;
    private List<StaffRole> roles = List.of();
    private State state = State.NONE;
    /** The cookie value to send back: a sealed session, "" to expire it, or null for no change. */
    private String outgoing;

    /** Reads and checks the cookie: seal, timeouts, account still active, session epoch unchanged. */
    void load(String cookie) {
        loaded = true;
        SessionClaims c = SessionClaims.open(cipher, cookie);
        if (c == null) {
            if (cookie != null) {
                outgoing = "";
            }
            return;
        }
        long now = clock.now().getEpochSecond();
        if (now - c.lastSeen() >= config.idleTimeout().toSeconds()
                || now - c.issuedAt() >= config.absoluteTimeout().toSeconds()
                || c.lastSeen() > now + 60) {
            outgoing = "";
            return;
        }
        Optional<Staff> s = service.findActive(c.staffId());
        if (s.isEmpty() || s.get().sessionEpoch != c.epoch()) {
            outgoing = "";
            return;
        }
        claims = c;
        staff = s.get();
        roles = service.roles(staff.id);
        state = stateFor(staff, roles, c.secondFactor());
    }

    static State stateFor(Staff staff, List<StaffRole> roles, boolean secondFactorPassed) {
        // Once enrolled, always asked, even if the roles that needed it were taken away.
        boolean needs = staff.enrolled() || roles.stream().anyMatch(r -> r.role.needsSecondFactor());
        if (!needs || secondFactorPassed) {
            return State.SIGNED_IN;
        }
        return staff.enrolled() ? State.NEEDS_SECOND_FACTOR : State.NEEDS_ENROLMENT;
    }

    boolean isLoaded() {
        return loaded;
    }

    public State state() {
        return state;
    }

    /** Signed in and past any second factor the account needs. */
    public boolean isSignedIn() {
        return state == State.SIGNED_IN;
    }

    /** Whether the password was passed, whatever the second-factor state. */
    public boolean hasPassword() {
        return state != State.NONE;
    }

    public String getDisplayName() {
        return staff == null ? "" : staff.displayName;
    }

    /** The account, once the password was passed (also while a second factor is still due). */
    public Optional<Staff> account() {
        return Optional.ofNullable(staff);
    }

    public List<StaffRole> roles() {
        return roles;
    }

    /** The staff member, or a redirect to the step of signing in that is still missing. */
    public Staff requireSignedIn() {
        switch (state) {
            case SIGNED_IN:
                return staff;
            case NEEDS_ENROLMENT:
                throw redirect("/staff/enrol");
            case NEEDS_SECOND_FACTOR:
                throw redirect("/staff/second-factor");
            default:
                throw redirect("/staff/login");
        }
    }

    /**
     * The staff member if they hold one of the roles for this school; a 404 otherwise, so that another
     * school's pages and data do not even show they exist.
     */
    public Staff requireRole(long schoolId, Role... anyOf) {
        Staff s = requireSignedIn();
        if (!hasRole(schoolId, anyOf)) {
            throw new NotFoundException();
        }
        return s;
    }

    /**
     * The school an administrator's page is about: the one asked for, or else the first they
     * administer. Anyone who does not administer it gets a 404 (and a signed-out visitor the sign-in).
     */
    public long administeredSchool(Long schoolId) {
        requireSignedIn();
        long id = schoolId != null
                ? schoolId
                : schoolsWithRole(Role.ADMIN).stream().findFirst().orElseThrow(NotFoundException::new);
        requireRole(id, Role.ADMIN);
        return id;
    }

    /** As {@link #administeredSchool(Long)}, the school itself: every administrator's page starts here. */
    public io.haven.school.School administered(Long schoolId) {
        return io.haven.school.School.<io.haven.school.School>findByIdOptional(administeredSchool(schoolId))
                .orElseThrow(NotFoundException::new);
    }

    /** The district administrator, or a 404. */
    public Staff requireDistrictAdmin() {
        Staff s = requireSignedIn();
        if (roles.stream().noneMatch(r -> r.role == Role.DISTRICT_ADMIN)) {
            throw new NotFoundException();
        }
        return s;
    }

    public boolean hasRole(long schoolId, Role... anyOf) {
        List<Role> wanted = Arrays.asList(anyOf);
        return isSignedIn()
                && roles.stream()
                        .anyMatch(r -> r.schoolId != null && r.schoolId == schoolId && wanted.contains(r.role));
    }

    /** Whether the member holds one of the roles in any school (or, for DISTRICT_ADMIN, at all). */
    public boolean hasRole(Role... anyOf) {
        List<Role> wanted = Arrays.asList(anyOf);
        return isSignedIn() && roles.stream().anyMatch(r -> wanted.contains(r.role));
    }

    /** The ids of the schools where the member holds one of these roles, in a stable order. */
    public List<Long> schoolsWithRole(Role... anyOf) {
        if (!isSignedIn()) {
            return List.of();
        }
        List<Role> wanted = Arrays.asList(anyOf);
        return roles.stream()
                .filter(r -> r.schoolId != null && wanted.contains(r.role))
                .map(r -> r.schoolId)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
    }

    // --- changes, sent back as a new cookie by StaffFilters ---

    /** After a correct password: a new session (a fresh issued-at, so a fixed old cookie cannot be kept alive). */
    void signIn(Staff s, List<StaffRole> roleList) {
        long now = clock.now().getEpochSecond();
        staff = s;
        roles = roleList;
        claims = new SessionClaims(s.id, s.sessionEpoch, now, now, false);
        state = stateFor(s, roleList, false);
        outgoing = claims.seal(cipher);
    }

    void secondFactorPassed() {
        claims = claims.withSecondFactor();
        state = State.SIGNED_IN;
        outgoing = claims.seal(cipher);
    }

    /** After the account's epoch was raised (password change): this browser stays signed in, others end. */
    void keepAfterEpochChange(int newEpoch) {
        staff.sessionEpoch = newEpoch;
        claims = claims.withEpoch(newEpoch).seenAt(clock.now().getEpochSecond());
        outgoing = claims.seal(cipher);
    }

    void signOut() {
        claims = null;
        staff = null;
        roles = List.of();
        state = State.NONE;
        outgoing = "";
    }

    /** The cookie value to send with the response: a change made now, else the same session seen now (idle window). */
    String outgoingCookie() {
        if (outgoing == null && claims != null) {
            outgoing = claims.seenAt(clock.now().getEpochSecond()).seal(cipher);
        }
        return outgoing;
    }

    static WebApplicationException redirect(String path) {
        return new WebApplicationException(Response.seeOther(URI.create(path)).build());
    }
}
