package io.haven.admin;

import io.haven.audit.Actor;
import io.haven.audit.Audit;
import io.haven.notify.MailOutbox;
import io.haven.notify.OutboxMail;
import io.haven.school.RoutingRule;
import io.haven.school.School;
import io.haven.school.SchoolChanged;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffService;
import io.haven.web.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What administrators change about a school (settings, routing rules, a mail sent again) and what a district
 * administrator creates (a school): each change in one transaction with its audit row. Resources have
 * checked the form and that the actor administers the school.
 */
@ApplicationScoped
@Transactional
public class SchoolAdminService {

    /** What came of sending an undelivered mail again. */
    public enum Resend {
        QUEUED,
        GONE,
        NOT_THIS_SCHOOL
    }

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    MailOutbox outbox;

    @Inject
    StaffService staff;

    @Inject
    Event<SchoolChanged> changed;

    public void saveSettings(long schoolId, Actor actor, SchoolForm form) {
        School school = School.findById(schoolId);
        List<String> changes = changes(school, form);
        form.applySettings(school);
        audit.record(actor, school.id, null, "SETTINGS", changes.isEmpty() ? "no change" : String.join(", ", changes));
        // Pages on this node show it at once: the directory reloads when this transaction commits.
        changed.fire(new SchoolChanged(school.id));
    }

    /** A new school, with its first administrator invited when the form names one. */
    public long createSchool(Staff me, SchoolForm form) {
        School s = new School();
        s.slug = form.slug;
        form.applyCommon(s);
        s.createdAt = clock.now();
        s.persist();
        String detail = "slug " + s.slug;
        if (!form.adminEmail.isEmpty()) {
            staff.invite(s.id, me.id, form.adminEmail, form.adminName, Set.of(Role.ADMIN));
            detail += ", first administrator invited";
        }
        audit.record(Actor.staff(me.id), s.id, null, "SCHOOL_CREATE", detail);
        changed.fire(new SchoolChanged(s.id));
        return s.id;
    }

    /** Routes a category (null: every category without a rule) to a handler, once. */
    public void addRoute(long schoolId, String category, long staffId) {
        if (!RoutingRule.staffFor(schoolId, category).contains(staffId)) {
            RoutingRule r = new RoutingRule();
            r.schoolId = schoolId;
            r.category = category;
            r.staffId = staffId;
            r.persist();
        }
    }

    public void deleteRoute(long schoolId, Long ruleId) {
        RoutingRule.delete("id = ?1 and schoolId = ?2", ruleId == null ? -1L : ruleId, schoolId);
    }

    /** Sends one of this school's undelivered mails again now; audited by its id only (never its text or recipient). */
    public Resend resend(long schoolId, Actor actor, Long mailId) {
        OutboxMail mail = mailId == null ? null : OutboxMail.findById(mailId);
        if (mail == null || !schoolEmails(schoolId).contains(mail.recipient)) {
            return Resend.NOT_THIS_SCHOOL;
        }
        if (!outbox.resend(mail.id)) {
            return Resend.GONE;
        }
        audit.record(actor, schoolId, null, "MAIL_RESEND", "mail " + mail.id);
        return Resend.QUEUED;
    }

    static List<String> schoolEmails(long schoolId) {
        return Staff.listBySchool(schoolId).stream().map(s -> s.email).toList();
    }

    /** Which settings change (their names only). */
    private static List<String> changes(School s, SchoolForm f) {
        List<String> out = new ArrayList<>();
        School after = new School();
        f.applySettings(after);
        if (!Objects.equals(s.name, after.name)) {
            out.add("name");
        }
        if (!Objects.equals(s.jurisdiction, after.jurisdiction)) {
            out.add("jurisdiction " + s.jurisdiction + " -> " + after.jurisdiction);
        }
        if (!Objects.equals(s.defaultLanguage, after.defaultLanguage)) {
            out.add("language " + s.defaultLanguage + " -> " + after.defaultLanguage);
        }
        if (!Objects.equals(s.timeZone, after.timeZone)) {
            out.add("time zone " + s.timeZone + " -> " + after.timeZone);
        }
        if (!Objects.equals(s.emergencyNumber, after.emergencyNumber)) {
            out.add("emergency number");
        }
        if (!Objects.equals(s.quickExitUrl, after.quickExitUrl)) {
            out.add("quick exit");
        }
        if (s.notifyCategory != after.notifyCategory) {
            out.add("notify category " + after.notifyCategory);
        }
        return out;
    }
}
