package io.haven.casework;

import io.haven.report.CaseStatus;
import io.haven.staff.WorkspaceMsg;
import io.haven.web.Language;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit row in the reader's words: the action, and for status changes the two statuses. The stored
 * row keeps its codes (the chain's hashes cover them, and the CSV export gives them unchanged); only the
 * screen translates.
 */
public final class AuditText {

    private static final Pattern TRANSITION = Pattern.compile("^([A-Z_]+) -> ([A-Z_]+)");
    private static final Pattern ASSIGNEE = Pattern.compile("^assignee (\\d+)$");

    private AuditText() {}

    /** The action, then what changed when the reader can use it (statuses, the new assignee). */
    public static String describe(String action, String detail, Map<Long, String> names, Language language) {
        WorkspaceMsg m = io.haven.web.Messages.get(io.haven.staff.WorkspaceMsg.class, language);
        StringBuilder out = new StringBuilder(action(action, m));
        if (detail == null) {
            return out.toString();
        }
        Matcher t = TRANSITION.matcher(detail);
        if (("STATUS".equals(action) || "CLOSE".equals(action)) && t.find()) {
            Optional<String> before = status(t.group(1), language);
            Optional<String> after = status(t.group(2), language);
            if (before.isPresent() && after.isPresent()) {
                out.append(" · ").append(m.audit_transition(before.get(), after.get()));
            }
        } else if ("ASSIGN".equals(action)) {
            Matcher a = ASSIGNEE.matcher(detail);
            if (a.find() && names.get(Long.valueOf(a.group(1))) != null) {
                out.append(" · ").append(m.audit_assignee(names.get(Long.valueOf(a.group(1)))));
            }
        } else if ("VIEW".equals(action) && "form error".equals(detail)) {
            out.append(" · ").append(m.audit_form_error());
        }
        return out.toString();
    }

    /** The staff member ids an audit detail names (the new assignee), so their names can be read with the others. */
    public static Optional<Long> namedStaff(String action, String detail) {
        if (!"ASSIGN".equals(action) || detail == null) {
            return Optional.empty();
        }
        Matcher a = ASSIGNEE.matcher(detail);
        return a.find() ? Optional.of(Long.valueOf(a.group(1))) : Optional.empty();
    }

    public static String action(String action, WorkspaceMsg m) {
        return switch (action == null ? "" : action) {
            case "VIEW" -> m.audit_view();
            case "EXPORT" -> m.audit_export();
            case "STATUS" -> m.audit_status();
            case "ASSIGN" -> m.audit_assign();
            case "NOTE" -> m.audit_note();
            case "MESSAGE" -> m.audit_message();
            case "ABOUT" -> m.audit_about();
            case "DUTY_DONE" -> m.audit_duty_done();
            case "DUTY_NOT_APPLICABLE" -> m.audit_duty_not_applicable();
            case "INCIDENT_VIEW" -> m.audit_incident_view();
            case "CLOSE_REQUEST" -> m.audit_close_request();
            case "CLOSE_CONFIRM" -> m.audit_close_confirm();
            case "CLOSE_WITHDRAW" -> m.audit_close_withdraw();
            case "REOPEN" -> m.audit_reopen();
            case "CLOSE" -> m.audit_close();
            case "REFERRAL" -> m.audit_referral();
            case "LINK" -> m.audit_link();
            case "UNLINK" -> m.audit_unlink();
            case "HOLD" -> m.audit_hold();
            case "HOLD_LIFTED" -> m.audit_hold_lifted();
            case "DEADLINES" -> m.audit_deadlines();
            case "PURGE" -> m.audit_purge();
            case "ESCALATE" -> m.audit_escalate();
            case "SCHOOL_CREATE" -> m.audit_school_create();
            case "SETTINGS" -> m.audit_settings();
            case "MAIL_RESEND" -> m.audit_mail_resend();
            case "FACTOR_RESET" -> m.audit_factor_reset();
            case "ROLES" -> m.audit_roles();
            case "DEACTIVATE" -> m.audit_deactivate();
            case "REASSIGN" -> m.audit_reassign();
            case "REACTIVATE" -> m.audit_reactivate();
            case "ROLES_OFFERED" -> m.audit_roles_offered();
            case "INVITE" -> m.audit_invite();
            case "ROLES_ACCEPTED" -> m.audit_roles_accepted();
            case "ROLES_DECLINED" -> m.audit_roles_declined();
            case "SIGN_IN" -> m.audit_sign_in();
            case "SIGN_IN_FAILED" -> m.audit_sign_in_failed();
            case "SIGN_IN_PAUSED" -> m.audit_sign_in_paused();
            case "PASSWORD_CHANGED" -> m.audit_password_changed();
            case "PASSWORD_CHANGE_FAILED" -> m.audit_password_change_failed();
            case "PASSWORD_RESET" -> m.audit_password_reset();
            case "RECOVERY_CODE_USED" -> m.audit_recovery_code_used();
            case "SECOND_FACTOR_FAILED" -> m.audit_second_factor_failed();
            default -> m.audit_other();
        };
    }

    /** A status as staff pages say it. */
    public static Optional<String> status(String code, Language language) {
        CaseworkMsg r = io.haven.web.Messages.get(CaseworkMsg.class, language);
        try {
            return Optional.of(
                    switch (CaseStatus.valueOf(code)) {
                        case NEW -> r.case_status_new();
                        case ACKNOWLEDGED -> r.case_status_acknowledged();
                        case IN_PROGRESS -> r.case_status_in_progress();
                        case REFERRED -> r.case_status_referred();
                        case CLOSED -> r.case_status_closed();
                    });
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
