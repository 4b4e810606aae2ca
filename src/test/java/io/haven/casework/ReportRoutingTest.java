package io.haven.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.notify.OutboxMail;
import io.haven.report.ReportCase;
import io.haven.report.ReportResource;
import io.haven.report.SchoolDeadline;
import io.haven.school.RoutingRule;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffFixtures;
import io.haven.staff.StaffFixtures.Account;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who the mail about a new report goes to, as routing decides it in one query: a category's own rules
 * win over the rules for any category, which win over the school's handlers; an inactive or teacher-only
 * account is never written to, even when a rule names it, and a category whose only rule names such an
 * account reaches the administrators' "nobody to read it" mail rather than falling back. What the mail
 * says comes from the school's row as the report read it under its lock: the category only when the
 * school asks for it, the school's own deadlines for the acknowledge-by time.
 */
@QuarkusTest
class ReportRoutingTest {

    @Inject
    StaffFixtures fx;

    @Inject
    SchoolDirectory schools;

    @Inject
    ReportResource reports;

    long school;
    String slug;
    Account admin;
    Account handler;
    Account bullyingLead;
    Account anyCategoryLead;
    Account teacherWithRule;
    Account gone;

    @BeforeEach
    void school() {
        school = fx.school("en");
        admin = fx.account(school, true, Role.ADMIN);
        handler = fx.account(school, true, Role.HANDLER);
        bullyingLead = fx.account(school, true, Role.HANDLER);
        anyCategoryLead = fx.account(school, true, Role.HANDLER);
        teacherWithRule = fx.account(school, true, Role.TEACHER);
        gone = fx.account(school, true, Role.HANDLER);
        schools.refresh();
        slug = schools.byId(school).orElseThrow().slug();
        reports.clearLimitsForTests();
    }

    @Test
    void ownRulesWinThenAnyCategoryRulesThenHandlersAndNeverAnInactiveOrTeacherAccount() {
        // No rule at all: every active handler of the school.
        long first = report("bullying");
        assertThat(recipientsOf(first))
                .containsExactlyInAnyOrder(
                        handler.email(), bullyingLead.email(), anyCategoryLead.email(), gone.email());

        rule(null, anyCategoryLead);
        rule(null, teacherWithRule);
        rule("bullying", bullyingLead);
        rule("sextortion", gone);
        QuarkusTransaction.requiringNew().run(() -> Staff.<Staff>findById(gone.id()).active = false);

        // The category's own rule wins over the rules for any category.
        assertThat(recipientsOf(report("bullying"))).containsExactly(bullyingLead.email());
        // A category without its own rule: the rules for any category, but not the teacher-only account.
        assertThat(recipientsOf(report("other"))).containsExactly(anyCategoryLead.email());
        // A category whose only rule names an inactive account reaches nobody: the administrators are told,
        // and the mail does not quietly go to the "any category" people instead.
        long unread = report("sextortion");
        assertThat(recipientsOf(unread)).containsExactly(admin.email());
        assertThat(subjectsTo(admin.email())).contains("Haven: a report has nobody to read it");
    }

    @Test
    void theMailNamesTheCategoryOnlyWhenTheSchoolSaysSoAndTheSchoolsDeadlinesApply() {
        long before = report("bullying");
        assertThat(bodiesOf(before)).noneMatch(b -> b.contains("Category:"));

        QuarkusTransaction.requiringNew().run(() -> {
            School.<School>findById(school).notifyCategory = true;
            SchoolDeadline d = new SchoolDeadline();
            d.schoolId = school;
            d.category = io.haven.report.Category.BULLYING;
            d.acknowledgeMinutes = 90;
            d.reviewMinutes = 600;
            d.persist();
        });
        long after = report("bullying");
        assertThat(bodiesOf(after)).allMatch(b -> b.contains("Category: Bullying or harassment"));
        ReportCase c = QuarkusTransaction.requiringNew().call(() -> ReportCase.findById(after));
        assertThat(Duration.between(c.createdAt, c.acknowledgeBy)).isEqualTo(Duration.ofMinutes(90));
        assertThat(Duration.between(c.createdAt, c.reviewBy)).isEqualTo(Duration.ofMinutes(600));
        ReportCase earlier = QuarkusTransaction.requiringNew().call(() -> ReportCase.findById(before));
        assertThat(c.number).isEqualTo(earlier.number + 1);
    }

    private void rule(String category, Account who) {
        QuarkusTransaction.requiringNew().run(() -> {
            RoutingRule r = new RoutingRule();
            r.schoolId = school;
            r.category = category;
            r.staffId = who.id();
            r.persist();
        });
    }

    /** Sends a report of the category through the form; returns the new case's id. */
    private long report(String category) {
        FormSession s = new FormSession();
        s.get("/report");
        Map<String, Object> f = new HashMap<>();
        f.put("school", slug);
        f.put("category", category);
        f.put("affected", "me");
        f.put("body", "Routing test report");
        f.put("dangerNow", "no");
        f.put("website", "");
        assertThat(s.post("/report", f).statusCode()).isEqualTo(200);
        return QuarkusTransaction.requiringNew()
                .call(() -> ReportCase.<ReportCase>find("schoolId = ?1 order by id desc", school)
                        .firstResult()
                        .id);
    }

    private static List<OutboxMail> mailAbout(long caseId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.<OutboxMail>listAll().stream()
                        .filter(m -> java.util.regex.Pattern.compile("/staff/cases/" + caseId + "(\\D|$)")
                                .matcher(m.bodyText())
                                .find())
                        .toList());
    }

    private static List<String> recipientsOf(long caseId) {
        return mailAbout(caseId).stream().map(m -> m.recipient).toList();
    }

    private static List<String> bodiesOf(long caseId) {
        return mailAbout(caseId).stream().map(OutboxMail::bodyText).toList();
    }

    private static List<String> subjectsTo(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.<OutboxMail>list("recipient", email).stream()
                        .map(OutboxMail::subject)
                        .toList());
    }
}
