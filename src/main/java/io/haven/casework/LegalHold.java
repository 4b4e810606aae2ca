package io.haven.casework;

import io.haven.audit.Actor;
import io.haven.audit.Audit;
import io.haven.crypto.FieldCipher;
import io.haven.report.ReportCase;
import io.haven.staff.Staff;
import io.haven.staff.StaffSession;
import io.haven.web.Clock;
import io.haven.web.RetryOnLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A legal hold stops the retention purge of a case (for example while police investigate) until it is
 * lifted. Handlers and administrators who may open the case place and lift it; both are audited, without
 * the reason, which is stored encrypted.
 */
@ApplicationScoped
@Transactional
@RetryOnLock
public class LegalHold {

    /** The longest reason accepted. */
    static final int REASON_MAX = 2000;

    @Inject
    CaseService cases;

    @Inject
    StaffSession session;

    @Inject
    FieldCipher cipher;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    public void place(long id, String reason) {
        ReportCase c = cases.lockForChange(id);
        Staff me = session.requireSignedIn();
        c.legalHold = true;
        c.legalHoldSince = clock.now();
        c.legalHoldBy = me.id;
        c.legalHoldReasonEnc = cipher.encrypt(HoldEncryptedColumns.HOLD_REASON, reason);
        audit(c, me, "HOLD");
    }

    /**
     * Lifts the hold; false (nothing changes) unless the signed-in member is an administrator of the school
     * or placed the hold: a hold protects evidence, so not every handler may take it away.
     */
    public boolean lift(long id) {
        ReportCase c = cases.lockForChange(id);
        if (!c.legalHold) {
            return true;
        }
        Staff me = session.requireSignedIn();
        if (!session.hasRole(c.schoolId, io.haven.staff.Role.ADMIN) && !me.id.equals(c.legalHoldBy)) {
            return false;
        }
        c.legalHold = false;
        c.legalHoldSince = null;
        c.legalHoldBy = null;
        c.legalHoldReasonEnc = null;
        audit(c, me, "HOLD_LIFTED");
        return true;
    }

    private void audit(ReportCase c, Staff me, String action) {
        audit.record(Actor.staff(me.id), c.schoolId, c.id, action, null);
    }
}
