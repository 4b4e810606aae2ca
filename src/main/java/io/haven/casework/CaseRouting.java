package io.haven.casework;

import io.haven.notify.MailOutbox;
import io.haven.report.Category;
import io.haven.report.ReportCase;
import io.haven.report.ReportSubmitted;
import io.haven.report.ReporterReplied;
import io.haven.report.ReportingMsg;
import io.haven.school.RoutingRule;
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
import java.util.Set;
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
        School school = School.findById(e.schoolId());
        Language language = Language.of(school.defaultLanguage).orElse(Language.EN);
        CaseworkMsg msg = Messages.get(CaseworkMsg.class, language);
        List<Staff> to = recipients(c);
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
        String category = school.notifyCategory
                ? msg.mail_category_line(categoryLabel(Messages.get(ReportingMsg.class, language), c.category))
                : "";
        for (Staff s : to) {
            outbox.queue(
                    s.email,
                    msg.mail_new_report_subject(urgency),
                    msg.mail_new_report_body(urgency, school.name, category, link(c)));
        }
        if (to.isEmpty() && !collapsed) {
            // No content and no reporter detail: only that a category of this school has nobody to read it.
            LOG.warnf("Report %d of school %d has no handler for its category", c.id, school.id);
            for (Staff admin : withRole(school.id, Role.ADMIN)) {
                outbox.queue(
                        admin.email, msg.mail_no_handler_subject(), msg.mail_no_handler_body(school.name, link(c)));
            }
        }
        if (e.volumeAlert()) {
            for (Staff admin : withRole(school.id, Role.ADMIN)) {
                outbox.queue(admin.email, msg.mail_volume_subject(), msg.mail_volume_body(school.name));
            }
        }
    }

    void onReplied(@Observes ReporterReplied e) {
        ReportCase c = ReportCase.findById(e.caseId());
        School school = School.findById(e.schoolId());
        CaseworkMsg msg = Messages.get(
                CaseworkMsg.class, Language.of(school.defaultLanguage).orElse(Language.EN));
        List<Staff> to = c.assigneeId != null ? activeById(List.of(c.assigneeId)) : recipients(c);
        for (Staff s : to) {
            if (!s.id.equals(c.aboutStaffId)) {
                outbox.queue(s.email, msg.mail_reply_subject(), msg.mail_reply_body(school.name, link(c)));
            }
        }
    }

    /**
     * The staff a new report goes to. Two queries whatever the number of recipients: the school's rules
     * for this category and for any category together, then the active accounts among them that may open
     * cases here (it was up to six: each rule set, the role lists and the accounts one after another).
     */
    public List<Staff> recipients(ReportCase c) {
        List<Staff> to;
        if (c.category == Category.ADULT_CONCERN) {
            Set<Long> ids = new LinkedHashSet<>();
            withRole(c.schoolId, Role.ADMIN).forEach(s -> ids.add(s.id));
            StaffRole.<StaffRole>list("role = ?1", Role.DISTRICT_ADMIN).forEach(r -> ids.add(r.staffId));
            to = activeById(List.copyOf(ids));
        } else {
            List<RoutingRule> rules = RoutingRule.list(
                    "schoolId = ?1 and (category = ?2 or category is null)", c.schoolId, c.category.id);
            // The category's own rules win; the rules for any category apply only when it has none.
            boolean own = rules.stream().anyMatch(r -> r.category != null);
            List<Long> ids = rules.stream()
                    .filter(r -> (r.category != null) == own)
                    .map(r -> r.staffId)
                    .distinct()
                    .toList();
            if (ids.isEmpty()) {
                to = withRole(c.schoolId, Role.HANDLER);
            } else {
                // Only people who may open cases here, never a teacher-only account.
                to = Staff.list(
                        "id in ?1 and active = true and id in (select r.staffId from StaffRole r"
                                + " where r.schoolId = ?2 and r.role in ?3) order by id",
                        ids,
                        c.schoolId,
                        List.of(Role.HANDLER, Role.ADMIN));
            }
        }
        if (c.aboutStaffId != null) {
            to = to.stream().filter(s -> !s.id.equals(c.aboutStaffId)).toList();
        }
        return to;
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
