package io.haven.audit;

import io.haven.web.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The one way anything is audited: people's views and changes of cases, administrators' actions (settings,
 * staff, schools) and the portal's own jobs, appended to the audit chain. Details never hold report content.
 */
@ApplicationScoped
public class Audit {

    @Inject
    AuditChain chain;

    @Inject
    Clock clock;

    /** Records an action at a school, on a case when {@code caseId} is not null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, long schoolId, Long caseId, String action, String detail) {
        CaseAudit a = new CaseAudit();
        a.schoolId = schoolId;
        a.caseId = caseId;
        a.staffId = actor.staffId();
        a.action = action;
        a.detail = detail;
        a.createdAt = clock.now();
        chain.append(a);
    }

    /** A full check of a school's rows, asked for by one of its administrators, itself recorded in the log. */
    @Transactional
    public java.util.Optional<AuditChain.Break> fullCheck(Actor actor, long schoolId) {
        java.util.Optional<AuditChain.Break> broken = chain.checkSchool(schoolId, true);
        record(
                actor,
                schoolId,
                null,
                "AUDIT_CHECK",
                broken.map(b -> b.rowId() == null ? "broken: head" : "broken at row " + b.rowId())
                        .orElse("intact"));
        return broken;
    }
}
