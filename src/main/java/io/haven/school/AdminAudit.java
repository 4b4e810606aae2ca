package io.haven.school;

import io.haven.casework.AuditChain;
import io.haven.casework.CaseAudit;
import io.haven.web.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Administrators' actions (settings, staff, schools) appended to the audit chain. Details never hold report content. */
@ApplicationScoped
public class AdminAudit {

    @Inject
    AuditChain chain;

    @Inject
    Clock clock;

    /** Records an action at a school; {@code staffId} is null for the provisioning file, which has no actor. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long schoolId, Long caseId, Long staffId, String action, String detail) {
        CaseAudit a = new CaseAudit();
        a.schoolId = schoolId;
        a.caseId = caseId;
        a.staffId = staffId;
        a.action = action;
        a.detail = detail;
        a.createdAt = clock.now();
        chain.append(a);
    }
}
