package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.report.ReportCase;
import io.haven.staff.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;

/**
 * Every kind of page Haven shows, with how a browser gets to it. {@link EveryPageTest} runs the Nu HTML
 * Checker and axe on each one in each language and photographs it: adding a page type is one line here.
 * The name is also the screenshots' name: {@code target/screenshots/<name>-<lang>-<width>.png}.
 */
public final class PageTypes {

    /** How to reach a page in a language: leaves the browser showing it (see {@link Pages}). */
    @FunctionalInterface
    public interface Reach {
        void reach(Pages pages, String lang);
    }

    /**
     * A kind of page: its name, the HTTP status it is served with (so a redirect or an error cannot pass
     * for the page), the template it shows, and how to reach it.
     */
    public record PageType(String name, int status, String template, Reach reach) {
        @Override
        public String toString() {
            return name;
        }
    }

    static PageType page(String name, int status, String template, Reach reach) {
        return new PageType(name, status, template, reach);
    }

    public static final List<PageType> ALL = List.of(
            // Lessons, law and help
            page("home", 200, "HomeResource/home", (p, l) -> p.open("/?lang=" + l)),
            page("home-band", 200, "HomeResource/home", (p, l) -> p.open("/?band=11-13&lang=" + l)),
            page("catalogue-no-band", 200, "LessonResource/catalogue", (p, l) -> p.open("/lessons?lang=" + l)),
            page("catalogue", 200, "LessonResource/catalogue", (p, l) -> p.open("/lessons?band=11-13&lang=" + l)),
            page(
                    "band-chooser",
                    200,
                    "LessonResource/chooseBand",
                    (p, l) -> p.open("/lessons/" + Pages.LESSON + "?lang=" + l)),
            page(
                    "lesson",
                    200,
                    "LessonResource/show",
                    (p, l) -> p.open("/lessons/" + Pages.LESSON + "?band=11-13&lang=" + l)),
            page(
                    "lesson-youngest",
                    200,
                    "LessonResource/show",
                    (p, l) -> p.open("/lessons/if-it-happens?band=5-7&lang=" + l)),
            page(
                    "lesson-other-band",
                    200,
                    "LessonResource/unavailable",
                    (p, l) -> p.open("/lessons/sextortion?band=5-7&lang=" + l)),
            page("quiz-result", 200, "LessonResource/result", (p, l) -> p.answerQuiz(l, true)),
            page("quiz-incomplete", 400, "LessonResource/show", (p, l) -> p.answerQuizPartly(l)),
            page("law", 200, "LawResource/law", (p, l) -> p.open("/law?lang=" + l)),
            page("help", 200, "HelpResource/help", (p, l) -> p.open("/help?lang=" + l)),
            page("not-found", 404, "error/notFound", (p, l) -> p.open("/no-such-page?lang=" + l)),
            page("server-error", 500, "error/serverError", (p, l) -> p.open("/test-only/boom?lang=" + l)),
            page("error-status", 405, "error/status", (p, l) -> p.open("/staff/logout?lang=" + l)),
            // Reporting
            page("report-form", 200, "ReportResource/form", (p, l) -> p.open("/report?lang=" + l)),
            page(
                    "report-form-errors",
                    400,
                    "ReportResource/form",
                    (p, l) -> p.open("/report?lang=" + l).submit("/report?")),
            page("report-receipt", 200, "ReportResource/receipt", (p, l) -> p.fileReport(l)),
            page("report-saved", 200, "ReportResource/saved", (p, l) -> {
                p.fileReport(l);
                p.submit("/report/saved");
            }),
            page(
                    "report-followup-form",
                    200,
                    "ReportResource/followUpForm",
                    (p, l) -> p.open("/report/follow-up?lang=" + l)),
            page(
                    "report-followup-form-errors",
                    404,
                    "ReportResource/followUpForm",
                    (p, l) -> p.open("/report/follow-up?lang=" + l)
                            .type("#receipt", "1234")
                            .submit("/report/follow-up?")),
            page("report-followup", 200, "ReportResource/followUp", (p, l) -> p.followUpWithReply(l)),
            page("report-privacy", 200, "ReportResource/privacy", (p, l) -> p.open("/report/privacy?lang=" + l)),
            // Classroom, student side
            page("student-join", 200, "JoinResource/join", (p, l) -> p.open("/join?lang=" + l)),
            page(
                    "student-join-errors",
                    400,
                    "JoinResource/join",
                    (p, l) -> p.open("/join?lang=" + l).submit("/join")),
            page("student-joined", 200, "JoinResource/joined", (p, l) -> p.joinAClass(l)),
            page("student-my", 200, "JoinResource/my", (p, l) -> p.joinAClass(l).open("/my?lang=" + l)),
            page("student-resume", 200, "JoinResource/resume", (p, l) -> p.open("/join/resume?lang=" + l)),
            // Signing in
            page("staff-login", 200, "LoginResource/login", (p, l) -> p.open("/staff/login?lang=" + l)),
            page("staff-login-error", 400, "LoginResource/login", (p, l) -> p.wrongPassword(l)),
            page("staff-second-factor", 200, "SecondFactorResource/secondFactor", (p, l) -> p.passwordStep(l, true)),
            page("staff-enrol", 200, "SecondFactorResource/enrol", (p, l) -> p.passwordStep(l, false)),
            page(
                    "staff-recovery-codes",
                    200,
                    "SecondFactorResource/recoveryCodes",
                    (p, l) -> p.enrolWithTheShownSecret(l)),
            page(
                    "staff-invitation",
                    200,
                    "InvitationResource/accept",
                    (p, l) -> p.open("/staff/invitation?token=" + p.invitationToken(l) + "&lang=" + l)),
            page(
                    "staff-password-reset-request",
                    200,
                    "PasswordResource/resetRequest",
                    (p, l) -> p.open("/staff/password-reset?lang=" + l)),
            page(
                    "staff-password-reset-choose",
                    200,
                    "PasswordResource/resetChoose",
                    (p, l) -> p.open("/staff/password-reset/new?token=" + p.resetToken(l) + "&lang=" + l)),
            page(
                    "staff-password-link-invalid",
                    404,
                    "PasswordResource/linkInvalid",
                    (p, l) -> p.open("/staff/password-reset/new?token=used-or-made-up&lang=" + l)),
            page("staff-password-change", 200, "PasswordResource/change", (p, l) -> {
                p.signedIn(l, Role.TEACHER);
                p.open("/staff/password?lang=" + l);
            }),
            page(
                    "staff-setup",
                    200,
                    "SetupResource/setup",
                    (p, l) -> p.open("/staff/setup?token=" + p.setupToken() + "&lang=" + l)),
            page(
                    "staff-setup-errors",
                    400,
                    "SetupResource/setup",
                    (p, l) -> p.open("/staff/setup?token=" + p.setupToken() + "&lang=" + l)
                            .submit("/staff/setup")),
            // Casework and administration
            page("staff-home", 200, "StaffHomeResource/home", (p, l) -> {
                p.signedIn(l, Role.HANDLER, Role.ADMIN, Role.TEACHER);
                p.open("/staff?lang=" + l);
            }),
            page("staff-cases", 200, "CaseResource/list", (p, l) -> {
                long id = p.caseOfSignedInHandler(l);
                p.open("/staff/cases?lang=" + l);
                int number = QuarkusTransaction.requiringNew().call(() -> ReportCase.<ReportCase>findById(id).number);
                assertThat(p.browser().find("main").getText()).contains("#" + number);
            }),
            page(
                    "staff-case",
                    200,
                    "CaseResource/show",
                    (p, l) -> p.open("/staff/cases/" + p.caseOfSignedInHandler(l) + "?lang=" + l)),
            page(
                    "staff-case-export",
                    200,
                    "CaseResource/export",
                    (p, l) -> p.open("/staff/cases/" + p.caseOfSignedInHandler(l) + "/export?lang=" + l)),
            page("staff-case-duties", 200, "CaseResource/show", (p, l) -> {
                p.open("/staff/cases/" + p.koreanDutyCase(l) + "?lang=" + l);
                assertThat(p.browser().find("#duty-" + Pages.KR_DUTY).getText()).isNotBlank();
            }),
            page("staff-case-duties-errors", 400, "CaseResource/show", (p, l) -> {
                long id = p.koreanDutyCase(l);
                p.open("/staff/cases/" + id + "?lang=" + l)
                        .submit("/staff/cases/" + id + "/duties/" + Pages.KR_DUTY + "/not-applicable");
            }),
            page(
                    "staff-case-duties-export",
                    200,
                    "CaseResource/export",
                    (p, l) -> p.open("/staff/cases/" + p.koreanDutyCase(l) + "/export?lang=" + l)),
            page("staff-home-duties", 200, "StaffHomeResource/home", (p, l) -> {
                p.koreanDutyCase(l);
                p.open("/staff?lang=" + l);
            }),
            page("staff-duties", 200, "DutiesResource/duties", (p, l) -> {
                p.koreanDutyCase(l);
                p.open("/staff/admin/duties?lang=" + l);
            }),
            page("staff-audit", 200, "AuditResource/audit", (p, l) -> {
                Pages.SignedIn admin = p.signedIn(l, Role.ADMIN, Role.HANDLER);
                p.open("/staff/cases/" + Pages.report(Pages.slug(admin.school())) + "?lang=" + l); // a line in the log
                p.open("/staff/admin/audit?school=" + admin.school() + "&lang=" + l);
            }),
            page(
                    "staff-routing",
                    200,
                    "RoutingResource/routing",
                    (p, l) -> p.open("/staff/admin/routing?school="
                            + p.signedIn(l, Role.ADMIN, Role.HANDLER).school() + "&lang=" + l)),
            page(
                    "staff-admin",
                    200,
                    "StaffAdminResource/staff",
                    (p, l) -> p.open("/staff/admin/staff?school="
                            + p.signedIn(l, Role.ADMIN).school() + "&lang=" + l)),
            page(
                    "staff-incident",
                    200,
                    "CaseWorkflowResource/incident",
                    (p, l) -> p.open("/staff/cases/incidents/" + p.incidentOfSignedInHandler(l) + "?lang=" + l)),
            page("staff-member", 200, "StaffAdminResource/member", (p, l) -> p.open(p.colleaguePage(l))),
            page("staff-member-errors", 400, "StaffAdminResource/member", (p, l) -> {
                p.open(p.colleaguePage(l)).browser().find("#role-handler").click(); // no role left
                p.browser().follow("form[action$='/roles'] button[type=submit]");
            }),
            page(
                    "staff-settings",
                    200,
                    "SettingsResource/settings",
                    (p, l) -> p.open("/staff/admin/settings?school="
                            + p.signedIn(l, Role.ADMIN).school() + "&lang=" + l)),
            page(
                    "staff-settings-errors",
                    400,
                    "SettingsResource/settings",
                    (p, l) -> p.open("/staff/admin/settings?school="
                                    + p.signedIn(l, Role.ADMIN).school() + "&lang=" + l)
                            .clear("#name")
                            .submit("/staff/admin/settings")),
            page(
                    "staff-deadlines",
                    200,
                    "DeadlinesResource/deadlines",
                    (p, l) -> p.open("/staff/admin/deadlines?school="
                            + p.signedIn(l, Role.ADMIN).school() + "&lang=" + l)),
            page(
                    "staff-deadlines-errors",
                    400,
                    "DeadlinesResource/deadlines",
                    (p, l) -> p.open("/staff/admin/deadlines?school="
                                    + p.signedIn(l, Role.ADMIN).school() + "&lang=" + l)
                            .clear("#retention")
                            .type("#retention", "5")
                            .submit("/staff/admin/deadlines")),
            page("staff-stats", 200, "StatsResource/stats", (p, l) -> {
                Pages.SignedIn admin = p.signedIn(l, Role.ADMIN, Role.HANDLER);
                Pages.report(Pages.slug(admin.school()));
                p.open("/staff/admin/stats?school=" + admin.school() + "&lang=" + l);
            }),
            page(
                    "staff-stats-errors",
                    400,
                    "StatsResource/stats",
                    (p, l) -> p.open("/staff/admin/stats?school="
                            + p.signedIn(l, Role.ADMIN).school() + "&months=5&lang=" + l)),
            page("district-schools", 200, "DistrictResource/schools", (p, l) -> {
                p.districtAdmin();
                p.open("/staff/district/schools?lang=" + l);
            }),
            page("district-schools-errors", 400, "DistrictResource/schools", (p, l) -> {
                p.districtAdmin();
                p.open("/staff/district/schools?lang=" + l).submit("/staff/district/schools");
            }),
            page("district-admins", 200, "DistrictAdminsResource/admins", (p, l) -> {
                p.districtAdmin();
                p.open("/staff/district/admins?lang=" + l);
            }),
            page("district-admins-errors", 400, "DistrictAdminsResource/admins", (p, l) -> {
                p.districtAdmin();
                p.open("/staff/district/admins?lang=" + l).submit("/staff/district/admins");
            }),
            page(
                    "staff-status",
                    200,
                    "StatusResource/status",
                    (p, l) -> p.open("/staff/admin/status?school="
                            + p.signedIn(l, Role.ADMIN).school() + "&lang=" + l)),
            page("district-status", 200, "StatusResource/status", (p, l) -> {
                p.districtAdmin();
                p.open("/staff/admin/status?lang=" + l);
            }),
            page("district-stats", 200, "DistrictStatsResource/district", (p, l) -> {
                p.districtAdmin();
                p.open("/staff/district/stats?lang=" + l);
            }),
            page("district-stats-school", 200, "DistrictStatsResource/district", (p, l) -> {
                long school = p.school(l);
                Pages.report(Pages.slug(school));
                p.districtAdmin();
                p.open("/staff/district/stats?school=" + school + "&lang=" + l);
            }),
            // Classes, teacher side
            page("staff-classes", 200, "ClassResource/list", (p, l) -> {
                p.classWithAStudent(l);
                p.open("/staff/classes?lang=" + l);
            }),
            page("staff-class-new", 200, "ClassResource/create", (p, l) -> {
                p.signedIn(l, Role.TEACHER);
                p.open("/staff/classes/new?lang=" + l);
            }),
            page("staff-class-new-errors", 400, "ClassResource/create", (p, l) -> {
                p.signedIn(l, Role.TEACHER);
                p.open("/staff/classes/new?lang=" + l).submit("/staff/classes");
            }),
            page(
                    "staff-class",
                    200,
                    "ClassResource/show",
                    (p, l) -> p.open("/staff/classes/" + p.classWithAStudent(l) + "?lang=" + l)),
            page("staff-class-assign-confirm", 400, "ClassResource/show", (p, l) -> p.assignOutOfBand(l)),
            page(
                    "staff-class-archive",
                    200,
                    "ClassResource/archive",
                    (p, l) -> p.open("/staff/classes/" + p.classWithAStudent(l) + "/archive?lang=" + l)),
            // Teacher's guides and the review list of facts, for any signed-in staff member
            page("staff-guides", 200, "GuideResource/index", (p, l) -> {
                p.signedIn(l, Role.TEACHER);
                p.open("/staff/guides?lang=" + l);
            }),
            page("staff-guide", 200, "GuideResource/show", (p, l) -> {
                p.signedIn(l, Role.TEACHER);
                p.open("/staff/guides/test-english-only?band=14-18&lang=" + l);
            }),
            page("staff-law-sources", 200, "LawReviewResource/sources", (p, l) -> {
                p.signedIn(l, Role.TEACHER);
                p.open("/staff/law/sources?lang=" + l);
            }),
            page(
                    "staff-class-code",
                    200,
                    "ClassResource/code",
                    (p, l) -> p.open("/staff/classes/" + p.classWithAStudent(l) + "/code?lang=" + l)));

    private PageTypes() {}
}
