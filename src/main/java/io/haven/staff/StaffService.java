package io.haven.staff;

import io.haven.audit.Actor;
import io.haven.audit.Audit;
import io.haven.audit.DistrictAudit;
import io.haven.crypto.FieldCipher;
import io.haven.crypto.KeyedHash;
import io.haven.notify.MailOutbox;
import io.haven.school.School;
import io.haven.web.Clock;
import io.haven.web.HavenConfig;
import io.haven.web.Language;
import io.haven.web.Messages;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Staff accounts: passwords, second factor, sessions' epoch, invitations and password resets. */
@ApplicationScoped
@Transactional
public class StaffService {

    static final String TOTP_CONTEXT = "staff.totp";
    static final String RECOVERY_PURPOSE = "staff.recovery";
    static final String TOKEN_PURPOSE = "staff.token";
    static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Recovery code alphabet: no 0/o, 1/l/i, so a code read from paper is typed right. */
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    @Inject
    PasswordHasher passwords;

    @Inject
    FieldCipher cipher;

    @Inject
    KeyedHash keyedHash;

    @Inject
    MailOutbox mail;

    @Inject
    Clock clock;

    @Inject
    StaffConfig config;

    @Inject
    HavenConfig haven;

    @Inject
    Audit audit;

    @Inject
    StaffNotices notices;

    // --- reading ---

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Staff> findActive(long id) {
        return Staff.<Staff>findByIdOptional(id).filter(s -> s.active && s.passwordHash != null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffRole> roles(long staffId) {
        return StaffRole.listByStaff(staffId);
    }

    /**
     * The account if the e-mail and password match an active one. Unknown e-mail, no password yet,
     * deactivated and wrong password all take one argon2 check and give the same empty answer.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Staff> authenticate(String email, String password) {
        Optional<Staff> s = Staff.findByEmail(email);
        String hash = s.filter(x -> x.active).map(x -> x.passwordHash).orElse(null);
        return passwords.matches(password, hash) ? s : Optional.empty();
    }

    // --- second factor ---

    /**
     * Checks a TOTP code (not of a step already used) or an unused recovery code, and uses it up.
     * Returns false for anything else.
     */
    public boolean passSecondFactor(long staffId, String code) {
        Staff s = Staff.findById(staffId);
        if (s == null || !s.enrolled() || code == null) {
            return false;
        }
        String secret = cipher.decrypt(TOTP_CONTEXT, s.totpSecret);
        long step = Totp.verify(secret, code, clock.now(), s.totpLastStep);
        if (step >= 0) {
            // One atomic conditional update: of several submissions of the same fresh code at once, the
            // database lets exactly one move the last used step forward.
            return Staff.update("totpLastStep = ?1 where id = ?2 and totpLastStep < ?1", step, staffId) == 1;
        }
        String normalized = normalizeRecovery(code);
        if (normalized.length() != 10) {
            return false;
        }
        Optional<RecoveryCode> rc = RecoveryCode.findUnused(staffId, keyedHash.hex(RECOVERY_PURPOSE, normalized));
        if (rc.isEmpty()
                || RecoveryCode.update("usedAt = ?1 where id = ?2 and usedAt is null", clock.now(), rc.get().id) != 1) {
            return false;
        }
        auditAccount(staffId, "RECOVERY_CODE_USED");
        return true;
    }

    /**
     * Confirms enrolment with a code from the new secret; stores the secret encrypted and returns the
     * new recovery codes (shown once, kept only as keyed hashes), or an empty list for a wrong code.
     */
    public List<String> enrol(long staffId, String secret, String code) {
        Staff s = Staff.findById(staffId);
        long step = Totp.verify(secret, code, clock.now(), 0);
        if (s == null || step < 0) {
            return List.of();
        }
        s.totpSecret = cipher.encrypt(TOTP_CONTEXT, secret);
        s.totpEnrolledAt = clock.now();
        s.totpLastStep = step;
        return newRecoveryCodes(s.id);
    }

    public long unusedRecoveryCodes(long staffId) {
        return RecoveryCode.countUnused(staffId);
    }

    List<String> newRecoveryCodes(long staffId) {
        RecoveryCode.deleteByStaff(staffId);
        List<String> codes = new ArrayList<>();
        while (codes.size() < RECOVERY_CODES) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                sb.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            String c = sb.toString();
            if (codes.contains(c)) {
                continue;
            }
            RecoveryCode r = new RecoveryCode();
            r.staffId = staffId;
            r.codeHash = keyedHash.hex(RECOVERY_PURPOSE, c);
            r.createdAt = clock.now();
            r.persist();
            codes.add(c.substring(0, 5) + "-" + c.substring(5));
        }
        return codes;
    }

    static String normalizeRecovery(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    // --- account events, audited at every school where the account holds a role ---

    /**
     * Records an event of the account (sign-in, failure, pause, recovery code, password change) in the audit
     * log of each school where it holds a role. The detail names only the account, never an address.
     */
    public void auditAccount(long staffId, String action) {
        StaffRole.listByStaff(staffId).stream()
                .map(r -> r.schoolId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(school -> audit.record(Actor.of(staffId), school, null, action, "staff " + staffId));
    }

    /** The same, for an e-mail address typed at sign-in: nothing is recorded for an address with no account. */
    public void auditAccount(String email, String action) {
        Staff.findByEmail(email).ifPresent(s -> auditAccount(s.id, action));
    }

    // --- sessions and passwords ---

    /** Ends every session of the account (each cookie carries the old epoch). Returns the new epoch. */
    public int endAllSessions(long staffId) {
        Staff s = Staff.findById(staffId);
        s.sessionEpoch++;
        return s.sessionEpoch;
    }

    /** Sets a new password after checking the current one; ends all sessions. Returns the new epoch, or -1. */
    public int changePassword(long staffId, String current, String next) {
        Staff s = Staff.findById(staffId);
        if (s == null || !passwords.matches(current, s.passwordHash)) {
            return -1;
        }
        s.passwordHash = passwords.hash(next);
        s.sessionEpoch++;
        StaffToken.retire(s.id, StaffToken.Purpose.RESET, clock.now());
        auditAccount(s.id, "PASSWORD_CHANGED");
        notices.tellOwner(s, m -> m.admin_change_password());
        return s.sessionEpoch;
    }

    // --- invitations ---

    public enum InviteOutcome {
        /** A new account, or one that had not accepted yet: a link to set a password was sent. */
        INVITED,
        /** An existing account: the roles wait until its owner accepts them while signed in; a notice was sent. */
        ROLES_OFFERED
    }

    /**
     * Invites someone to a school with roles, audited at the school, and queues the mail. An account that
     * already exists gets an offer instead: roles on someone else's account never take effect without
     * its owner's consent, so an administrator cannot make anyone a member of their school.
     */
    public InviteOutcome invite(long schoolId, Long actorId, String email, String displayName, Collection<Role> roles) {
        School school = School.findById(schoolId);
        Instant now = clock.now();
        Staff s = Staff.findByEmail(email).orElse(null);
        StaffMsg msg = bundle(school.defaultLanguage);
        if (s != null && s.passwordHash != null) {
            StaffRoleOffer offer = StaffRoleOffer.findFor(s.id, schoolId).orElseGet(StaffRoleOffer::new);
            java.util.Set<Role> offered =
                    offer.id != null && offer.openAt(now) ? offer.roleSet() : java.util.EnumSet.noneOf(Role.class);
            roles.stream().filter(Role::perSchool).forEach(offered::add);
            offer.staffId = s.id;
            offer.schoolId = schoolId;
            offer.setRoleSet(offered);
            offer.offeredBy = actorId;
            offer.createdAt = now;
            offer.expiresAt = now.plus(config.invitationValidity());
            offer.persist();
            audit.record(Actor.of(actorId), schoolId, null, "ROLES_OFFERED", "staff " + s.id + ": " + offer.roles);
            StaffMsg own = bundle(languageOf(s));
            mail.queue(
                    s.email,
                    own.staff_mail_roles_subject(school.name),
                    own.staff_mail_roles_body(s.displayName, school.name, baseUrl() + "/staff"));
            return InviteOutcome.ROLES_OFFERED;
        }
        if (s == null) {
            s = new Staff();
            s.email = Staff.normalizeEmail(email);
            s.displayName = displayName.strip();
            s.createdAt = now;
            s.persist();
        }
        // An account nobody has claimed yet holds nothing: its roles start when the owner accepts the link.
        for (Role r : roles) {
            if (r.perSchool() && !StaffRole.exists(s.id, schoolId, r)) {
                StaffRole.of(s.id, schoolId, r).persist();
            }
        }
        audit.record(
                Actor.of(actorId),
                schoolId,
                null,
                "INVITE",
                "staff " + s.id + ": "
                        + roles.stream()
                                .filter(Role::perSchool)
                                .sorted()
                                .map(Role::name)
                                .collect(java.util.stream.Collectors.joining(",")));
        StaffToken.retire(s.id, StaffToken.Purpose.INVITE, now);
        String token = newToken(s.id, schoolId, StaffToken.Purpose.INVITE, config.invitationValidity());
        mail.queue(
                s.email,
                msg.staff_mail_invite_subject(school.name),
                msg.staff_mail_invite_body(
                        s.displayName,
                        school.name,
                        baseUrl() + "/staff/invitation?token=" + token,
                        config.invitationValidity().toDays()));
        return InviteOutcome.INVITED;
    }

    public enum DistrictInviteOutcome {
        /** A new account (or one not yet claimed): a link to set a password was sent. */
        INVITED,
        /** Already a district administrator, or already invited: nothing changed. */
        ALREADY,
        /** The address belongs to an account in use: district administration is a separate account. */
        ACCOUNT_EXISTS
    }

    /**
     * Invites a district administrator (no school of their own). The role counts only once its owner has
     * accepted the link and chosen a password; audited in the district audit. The mail is in {@code language}.
     */
    public DistrictInviteOutcome inviteDistrictAdmin(
            Long actorId, String email, String displayName, Language language) {
        Instant now = clock.now();
        Staff s = Staff.findByEmail(email).orElse(null);
        if (s != null && StaffRole.exists(s.id, null, Role.DISTRICT_ADMIN)) {
            return DistrictInviteOutcome.ALREADY;
        }
        if (s != null && s.passwordHash != null) {
            return DistrictInviteOutcome.ACCOUNT_EXISTS;
        }
        if (s == null) {
            s = new Staff();
            s.email = Staff.normalizeEmail(email);
            s.displayName = displayName.strip();
            s.createdAt = now;
            s.persist();
        }
        StaffRole.of(s.id, null, Role.DISTRICT_ADMIN).persist();
        DistrictAudit.record(actorId, "DISTRICT_ADMIN_INVITE", "staff " + s.id, now);
        StaffToken.retire(s.id, StaffToken.Purpose.INVITE, now);
        String token = newToken(s.id, null, StaffToken.Purpose.INVITE, config.invitationValidity());
        io.haven.staff.OpsMsg msg = Messages.get(OpsMsg.class, language);
        mail.queue(
                s.email,
                msg.ops_mail_district_invite_subject(),
                msg.ops_mail_district_invite_body(
                        s.displayName,
                        baseUrl() + "/staff/invitation?token=" + token,
                        config.invitationValidity().toDays()));
        return DistrictInviteOutcome.INVITED;
    }

    /** Open offers of roles to this account, for its owner to accept or decline. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffRoleOffer> openOffers(long staffId) {
        return StaffRoleOffer.listOpenFor(staffId, clock.now());
    }

    /** The owner accepts (true) or declines an offer made to their own account; audited at the school. False if none. */
    public boolean answerOffer(long staffId, long offerId, boolean accept) {
        StaffRoleOffer offer = StaffRoleOffer.findById(offerId);
        if (offer == null || offer.staffId != staffId || !offer.openAt(clock.now())) {
            return false;
        }
        if (accept) {
            for (Role r : offer.roleSet()) {
                if (!StaffRole.exists(staffId, offer.schoolId, r)) {
                    StaffRole.of(staffId, offer.schoolId, r).persist();
                }
            }
        }
        audit.record(
                Actor.of(staffId),
                offer.schoolId,
                null,
                accept ? "ROLES_ACCEPTED" : "ROLES_DECLINED",
                "staff " + staffId + ": " + offer.roles);
        offer.delete();
        return true;
    }

    /** The account a usable link belongs to, if the link is one this server made, unused and not expired. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Staff> tokenOwner(StaffToken.Purpose purpose, String token) {
        return usableToken(purpose, token).map(t -> Staff.findById(t.staffId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<School> invitationSchool(String token) {
        return usableToken(StaffToken.Purpose.INVITE, token)
                .map(t -> t.schoolId == null ? null : School.findById(t.schoolId));
    }

    /** Accepts an invitation: the name and password are set and the link is used up. False if the link is not usable. */
    public boolean acceptInvitation(String token, String displayName, String password) {
        Optional<StaffToken> t = usableToken(StaffToken.Purpose.INVITE, token);
        if (t.isEmpty()) {
            return false;
        }
        Staff s = Staff.findById(t.get().staffId);
        s.displayName = displayName.strip();
        s.passwordHash = passwords.hash(password);
        s.active = true;
        s.sessionEpoch++;
        StaffToken.retire(s.id, StaffToken.Purpose.INVITE, clock.now());
        if (t.get().schoolId == null && StaffRole.exists(s.id, null, Role.DISTRICT_ADMIN)) {
            DistrictAudit.record(s.id, "DISTRICT_ADMIN_ACCEPT", "staff " + s.id, clock.now());
        }
        return true;
    }

    // --- password reset ---

    /**
     * Sends a reset link if the e-mail belongs to an active account; does nothing otherwise. The
     * caller answers the same either way.
     */
    public void requestReset(String email) {
        Optional<Staff> found = Staff.findByEmail(email).filter(x -> x.active && x.passwordHash != null);
        if (found.isEmpty()) {
            return;
        }
        Staff s = found.get();
        StaffToken.retire(s.id, StaffToken.Purpose.RESET, clock.now());
        String token = newToken(s.id, null, StaffToken.Purpose.RESET, config.resetValidity());
        StaffMsg msg = bundle(languageOf(s));
        mail.queue(
                s.email,
                msg.staff_mail_reset_subject(),
                msg.staff_mail_reset_body(
                        s.displayName,
                        baseUrl() + "/staff/password-reset/new?token=" + token,
                        config.resetValidity().toMinutes()));
    }

    /** Sets a new password from a reset link, uses the link up and ends every session. */
    public boolean resetPassword(String token, String password) {
        Optional<StaffToken> t = usableToken(StaffToken.Purpose.RESET, token);
        if (t.isEmpty()) {
            return false;
        }
        Staff s = Staff.findById(t.get().staffId);
        s.passwordHash = passwords.hash(password);
        s.sessionEpoch++;
        StaffToken.retire(s.id, StaffToken.Purpose.RESET, clock.now());
        auditAccount(s.id, "PASSWORD_RESET");
        notices.tellOwner(s, m -> m.admin_change_password());
        return true;
    }

    // --- helpers ---

    private Optional<StaffToken> usableToken(StaffToken.Purpose purpose, String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        Instant now = clock.now();
        return StaffToken.findByHash(purpose, keyedHash.hex(TOKEN_PURPOSE, token))
                .filter(t -> t.usableAt(now));
    }

    String newToken(long staffId, Long schoolId, StaffToken.Purpose purpose, Duration validity) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        StaffToken t = new StaffToken();
        t.purpose = purpose;
        t.tokenHash = keyedHash.hex(TOKEN_PURPOSE, token);
        t.staffId = staffId;
        t.schoolId = schoolId;
        t.createdAt = clock.now();
        t.expiresAt = t.createdAt.plus(validity);
        t.persist();
        return token;
    }

    /** The language of a staff member's mail: the default language of their first school, else English. */
    static String languageOf(Staff s) {
        return StaffRole.listByStaff(s.id).stream()
                .filter(r -> r.schoolId != null)
                .findFirst()
                .map(r -> School.<School>findById(r.schoolId).defaultLanguage)
                .orElse("en");
    }

    static StaffMsg bundle(String language) {
        return MessageBundles.get(
                StaffMsg.class, Localized.Literal.of(Language.of(language).orElse(Language.EN).code));
    }

    String baseUrl() {
        String b = haven.baseUrl();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
}
