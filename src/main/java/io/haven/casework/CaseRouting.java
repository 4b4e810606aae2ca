package io.haven.casework;

import static io.haven.web.Columns.truth;

import io.haven.notify.MailOutbox;
import io.haven.report.Category;
import io.haven.report.ReportCase;
import io.haven.report.ReportSubmitted;
import io.haven.report.ReporterReplied;
import io.haven.report.ReportingMsg;
import io.haven.report.SchoolTurn;
import io.haven.school.School;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffRole;
import io.haven.web.HavenConfig;
import io.haven.web.Language;
import io.haven.web.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Who is told about a report, and the mail they get: an urgency word and a link, never content (the
 * category only where the school switches it on). A concern about an adult at the school goes to its
 * administrators (the designated lead) and the district, never to teachers.
 */
@ApplicationScoped
public class CaseRouting {

    private static final Logger LOG = Logger.getLogger(CaseRouting.class);

    @Inject
    MailOutbox outbox;

    @Inject
    HavenConfig config;

    /** Further "danger now" reports of a school within this time of the last one send no new alert. */
    static final java.time.Duration URGENT_BURST = java.time.Duration.ofMinutes(10);

    void onSubmitted(@Observes ReportSubmitted e) {
        ReportCase c = ReportCase.findById(e.caseId());
        SchoolTurn school = e.school();
        Language language = Language.of(school.defaultLanguage()).orElse(Language.EN);
        CaseworkMsg msg = Messages.get(CaseworkMsg.class, language);
        List<Recipient> to = recipients(c);
        boolean collapsed = false;
        if (e.urgent()
                && ReportCase.count(
                                "schoolId = ?1 and urgent = true and createdAt >= ?2 and id <> ?3",
                                e.schoolId(),
                                c.createdAt.minus(URGENT_BURST),
                                c.id)
                        > 0) {
            // A burst of "danger now" reports is one alert: staff who open the list see every one of them,
            // and thirty identical alerts would bury the next real one.
            to = List.of();
            collapsed = true;
        }
        String urgency = e.urgent() ? msg.mail_urgency_urgent() : msg.mail_urgency_normal();
        String category = school.notifyCategory()
                ? msg.mail_category_line(categoryLabel(Messages.get(ReportingMsg.class, language), c.category))
                : "";
        for (Recipient s : to) {
            outbox.queue(
                    s.email(),
                    msg.mail_new_report_subject(urgency),
                    msg.mail_new_report_body(urgency, school.name(), category, link(c)));
        }
        if (to.isEmpty() && !collapsed) {
            // No content and no reporter detail: only that a category of this school has nobody to read it.
            LOG.warnf("Report %d of school %d has no handler for its category", c.id, e.schoolId());
            for (Staff admin : withRole(e.schoolId(), Role.ADMIN)) {
                outbox.queue(
                        admin.email, msg.mail_no_handler_subject(), msg.mail_no_handler_body(school.name(), link(c)));
            }
        }
        if (e.volumeAlert()) {
            for (Staff admin : withRole(e.schoolId(), Role.ADMIN)) {
                outbox.queue(admin.email, msg.mail_volume_subject(), msg.mail_volume_body(school.name()));
            }
        }
    }

    void onReplied(@Observes ReporterReplied e) {
        ReportCase c = ReportCase.findById(e.caseId());
        School school = School.findById(e.schoolId());
        CaseworkMsg msg = Messages.get(
                CaseworkMsg.class, Language.of(school.defaultLanguage).orElse(Language.EN));
        List<Recipient> to = c.assigneeId != null ? Recipient.of(activeById(List.of(c.assigneeId))) : recipients(c);
        for (Recipient s : to) {
            if (!Long.valueOf(s.id()).equals(c.aboutStaffId)) {
                outbox.queue(s.email(), msg.mail_reply_subject(), msg.mail_reply_body(school.name, link(c)));
            }
        }
    }

    /** A staff member a notification goes to: the account and its address, nothing else. */
    public record Recipient(long id, String email) {
        static List<Recipient> of(List<Staff> staff) {
            return staff.stream().map(s -> new Recipient(s.id, s.email)).toList();
        }
    }

    /**
     * The staff a new report goes to: the school's rules for its category win; the rules for any category
     * apply only when it has none; with no rule at all, the school's handlers. Only active accounts that may
     * open cases here, never a teacher-only one, nor the staff member the report is about. One query for
     * the rules, the accounts and the handlers together (it was two to six, one after another); a concern
     * about an adult at the school goes to its administrators and the district instead.
     */
    public List<Recipient> recipients(ReportCase c) {
        List<Recipient> to;
        if (c.category == Category.ADULT_CONCERN) {
            Set<Long> ids = new LinkedHashSet<>();
            withRole(c.schoolId, Role.ADMIN).forEach(s -> ids.add(s.id));
            StaffRole.<StaffRole>list("role = ?1", Role.DISTRICT_ADMIN).forEach(r -> ids.add(r.staffId));
            to = Recipient.of(activeById(List.copyOf(ids)));
        } else {
            to = routed(c.schoolId, c.category);
        }
        if (c.aboutStaffId != null) {
            to = to.stream().filter(s -> !c.aboutStaffId.equals(s.id())).toList();
        }
        return to;
    }

    /** One row per rule (kind 1, with the rule's category) and per handler of the school (kind 2). */
    private static final String ROUTED = "SELECT 1, r.category, s.id, s.email, s.active,"
            + " CASE WHEN EXISTS (SELECT 1 FROM staff_role x WHERE x.staff_id = s.id AND x.school_id = ?1"
            + " AND x.role IN ('HANDLER', 'ADMIN')) THEN 1 ELSE 0 END"
            + " FROM routing_rule r JOIN staff s ON s.id = r.staff_id"
            + " WHERE r.school_id = ?1 AND (r.category = ?2 OR r.category IS NULL)"
            + " UNION ALL"
            + " SELECT 2, CAST(NULL AS CHAR(30)), s.id, s.email, s.active, 1"
            + " FROM staff s JOIN staff_role x ON x.staff_id = s.id WHERE x.school_id = ?1 AND x.role = 'HANDLER'";

    private static List<Recipient> routed(long schoolId, Category category) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Staff.getEntityManager()
                .createNativeQuery(ROUTED)
                .setParameter(1, schoolId)
                .setParameter(2, category.id)
                .getResultList();
        List<Object[]> rules =
                rows.stream().filter(r -> ((Number) r[0]).intValue() == 1).toList();
        boolean own = rules.stream().anyMatch(r -> r[1] != null);
        List<Object[]> chosen =
                rules.stream().filter(r -> (r[1] != null) == own && truth(r[5])).toList();
        if (rules.isEmpty()) {
            chosen = rows.stream().filter(r -> ((Number) r[0]).intValue() == 2).toList();
        }
        Map<Long, Recipient> byId = new TreeMap<>();
        for (Object[] r : chosen) {
            if (truth(r[4])) {
                long id = ((Number) r[2]).longValue();
                byId.putIfAbsent(id, new Recipient(id, (String) r[3]));
            }
        }
        return List.copyOf(byId.values());
    }

    static List<Staff> withRole(long schoolId, Role role) {
        return Staff.list(
                "active = true and id in (select r.staffId from StaffRole r where r.schoolId = ?1"
                        + " and r.role = ?2) order by id",
                schoolId,
                role);
    }

    static List<Staff> activeById(List<Long> ids) {
        return ids.isEmpty() ? List.of() : Staff.<Staff>list("id in ?1 and active = true order by id", ids);
    }

    static String categoryLabel(ReportingMsg msg, Category c) {
        return switch (c) {
            case INTIMATE_IMAGE -> msg.report_category_intimate_image();
            case SEXTORTION -> msg.report_category_sextortion();
            case BULLYING -> msg.report_category_bullying();
            case ADULT_CONCERN -> msg.report_category_adult_concern();
            case OTHER -> msg.report_category_other();
        };
    }

    private String link(ReportCase c) {
        return config.baseUrl() + "/staff/cases/" + c.id;
    }
}
