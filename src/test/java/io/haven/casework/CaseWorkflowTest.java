package io.haven.casework;

import static io.haven.casework.CaseworkFlowTest.report;
import static io.haven.casework.CaseworkFlowTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.audit.CaseAudit;
import io.haven.report.CaseStatus;
import io.haven.report.Outcome;
import io.haven.report.ReportCase;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The case workflow as handlers use it: closing with an outcome (and every way the form can be
 * wrong), two-person closing of intimate-image cases after a referral decision, referral records
 * kept encrypted and out of the audit detail, linking reports into one incident without the
 * reporters seeing each other, and other schools' staff kept out.
 */
@QuarkusTest
class CaseWorkflowTest {

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @AfterEach
    void reset() {
        staff.reset();
    }

    String slug(long schoolId) {
        schools.refresh();
        return QuarkusTransaction.requiringNew().call(() -> School.<School>findById(schoolId).slug);
    }

    long newCase(long school, String category, String body) {
        send(report(slug(school), category, body));
        return CaseworkFlowTest.lastCaseId();
    }

    /** The number staff see and type for a case: counted per school. */
    static int num(long id) {
        return load(id).number;
    }

    static ReportCase load(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ReportCase.<ReportCase>findById(id));
    }

    static List<CaseAudit> audit(long id) {
        return QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(id));
    }

    /** Opens the case page (for a fresh token) and posts one of its forms. */
    static Response post(FormSession s, long id, String action, Map<String, ?> form) {
        s.get("/staff/cases/" + id);
        return s.post("/staff/cases/" + id + action, form);
    }

    @Test
    void aPlainCaseClosesInOneStepAndEveryWrongCloseIsRefusedFilledIn() {
        long school = staff.school("en");
        long other = staff.school("en");
        FormSession h = staff.signedIn(staff.account(school, true, Role.HANDLER));
        staff.account(other, true, Role.HANDLER);
        long id = newCase(school, "bullying", "Name calling in the year group chat");
        long second = newCase(school, "bullying", "The same name calling, told by a friend");
        long elsewhere = newCase(other, "bullying", "Another school's report");
        long adult = newCase(school, "adult-concern", "A concern only the lead may open");

        String page = h.get("/staff/cases/" + id).asString();
        assertThat(page).doesNotContain("value=\"closed\"").contains("action=\"/staff/cases/" + id + "/close\"");

        Response r = post(h, id, "/status", Map.of("status", "closed"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("To close a case, choose its outcome in the closing form.");

        r = post(h, id, "/close", Map.of("outcome", ""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("Choose how the case ended.");
        r = post(h, id, "/close", Map.of("outcome", "forgotten"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("Choose how the case ended.");

        r = post(h, id, "/close", Map.of("outcome", "false_or_malicious", "reason", "  "));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains("Give the reason why the report is false or malicious.")
                .contains("value=\"false_or_malicious\" checked");

        r = post(h, id, "/close", Map.of("outcome", "false_or_malicious", "reason", "x".repeat(5001)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("characters or fewer");

        r = post(h, id, "/close", Map.of("outcome", "duplicate", "duplicate", ""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("Give the number of the case this one duplicates.");
        for (String wrong : List.of("abc", "#" + (num(adult) + 50), String.valueOf(num(adult)), "999999999")) {
            r = post(h, id, "/close", Map.of("outcome", "duplicate", "duplicate", wrong));
            assertThat(r.statusCode()).as(wrong).isEqualTo(400);
            assertThat(r.asString())
                    .contains("There is no case with this number at this school that you can open.")
                    .contains("value=\"" + wrong + "\"");
        }
        r = post(h, id, "/close", Map.of("outcome", "duplicate", "duplicate", String.valueOf(num(id))));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("A case cannot duplicate itself");
        assertThat(load(id).status).isEqualTo(CaseStatus.NEW);

        r = post(h, id, "/close", Map.of("outcome", "duplicate", "duplicate", "#" + num(second)));
        assertThat(r.statusCode()).isEqualTo(303);
        ReportCase closed = load(id);
        assertThat(closed.status).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.outcome).isEqualTo(Outcome.DUPLICATE);
        assertThat(closed.duplicateOfId).isEqualTo(second);
        assertThat(closed.closedAt).isNotNull();
        assertThat(audit(id)).extracting(a -> a.action).contains("CLOSE");
        assertThat(h.get("/staff/cases").asString()).contains("Closed · Duplicate");

        r = post(h, id, "/close", Map.of("outcome", "resolved"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("This case is already closed. Reopen it first.");
        r = post(h, id, "/status", Map.of("status", "in_progress"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("Reopen it before changing its status.");

        assertThat(post(h, id, "/reopen", Map.of()).statusCode()).isEqualTo(303);
        ReportCase reopened = load(id);
        assertThat(reopened.status).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(reopened.outcome).isNull();
        assertThat(reopened.duplicateOfId).isNull();
        assertThat(audit(id)).extracting(a -> a.action).contains("REOPEN");
        r = post(h, id, "/reopen", Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("This case is not closed.");

        String reason = "Made up to get a classmate into trouble " + System.nanoTime();
        assertThat(post(h, id, "/close", Map.of("outcome", "false_or_malicious", "reason", reason))
                        .statusCode())
                .isEqualTo(303);
        assertThat(load(id).outcome).isEqualTo(Outcome.FALSE_OR_MALICIOUS);
        String raw = QuarkusTransaction.requiringNew().call(() -> (String) ReportCase.getEntityManager()
                .createNativeQuery("SELECT outcome_reason_enc FROM report_case WHERE id = ?1")
                .setParameter(1, id)
                .getSingleResult());
        assertThat(raw).startsWith("v1:").doesNotContain("classmate");
        assertThat(h.get("/staff/cases/" + id).asString()).contains(reason).contains("Reopen the case");
        assertThat(audit(id))
                .allSatisfy(a -> assertThat(String.valueOf(a.detail)).doesNotContain("classmate"));
    }

    @Test
    void anIntimateImageCaseNeedsAReferralDecisionAndASecondPerson() {
        long school = staff.school("en");
        StaffFixtures.Account first = staff.account(school, true, Role.HANDLER);
        StaffFixtures.Account second = staff.account(school, true, Role.HANDLER);
        FormSession a = staff.signedIn(first);
        long id = newCase(school, "intimate-image", "A picture of a pupil is passed around");
        long plain = newCase(school, "other", "Something else");

        Response r = post(a, id, "/close", Map.of("outcome", "resolved"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains("Record a referral decision (a referral, or why there is none) before closing")
                .contains("value=\"resolved\" checked");
        assertThat(load(id).status).isEqualTo(CaseStatus.NEW);

        r = post(a, id, "/referrals", Map.of("kind", "none", "reasonNone", ""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("Say why the case is not referred.").contains("value=\"none\" checked");
        r = post(a, id, "/referrals", Map.of("kind", "", "reference", "ABC-1"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains("Choose to whom the case was referred")
                .contains("value=\"ABC-1\"");
        r = post(a, id, "/referrals", Map.of("kind", "police", "reference", "9".repeat(501)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("Shorten this to 500 characters or fewer.");
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseReferral.existsForCase(id)))
                .isFalse();
        r = post(a, id, "/status", Map.of("status", "referred"));
        assertThat(r.statusCode()).as("referred without a referral on record").isEqualTo(400);
        assertThat(r.asString()).contains("first record the referral decision");
        assertThat(load(id).status).isEqualTo(CaseStatus.NEW);

        String reference = "CR/2026/" + System.nanoTime();
        assertThat(post(a, id, "/referrals", Map.of("kind", "police", "reference", reference))
                        .statusCode())
                .isEqualTo(303);
        assertThat(load(id).status).isEqualTo(CaseStatus.REFERRED);
        String raw = QuarkusTransaction.requiringNew().call(() -> (String) CaseReferral.getEntityManager()
                .createNativeQuery("SELECT reference_enc FROM case_referral WHERE case_id = ?1")
                .setParameter(1, id)
                .getSingleResult());
        assertThat(raw).startsWith("v1:").doesNotContain(reference).doesNotContain("CR/2026");
        assertThat(audit(id))
                .filteredOn(x -> x.action.equals("REFERRAL"))
                .singleElement()
                .satisfies(x -> assertThat(x.detail).isEqualTo("POLICE"));
        assertThat(audit(id))
                .allSatisfy(x -> assertThat(String.valueOf(x.detail)).doesNotContain("CR/2026"));
        assertThat(a.get("/staff/cases/" + id).asString()).contains(reference).contains("Police");
        assertThat(a.get("/staff/cases/" + id + "/export").asString())
                .contains(reference)
                .contains("Referral decisions");

        String list = a.get("/staff/cases?referred=yes").asString();
        assertThat(list).contains("#" + num(id) + "<").doesNotContain("#" + num(plain) + "<");

        Duties.settle(a, id);
        assertThat(post(a, id, "/close", Map.of("outcome", "resolved")).statusCode())
                .isEqualTo(303);
        assertThat(load(id).status).as("not closed by one person").isEqualTo(CaseStatus.REFERRED);
        assertThat(audit(id)).extracting(x -> x.action).contains("CLOSE_REQUEST");
        r = post(a, id, "/close", Map.of("outcome", "unsubstantiated"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("already waiting for confirmation");

        r = post(a, id, "/close/confirm", Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("You asked to close this case, so you cannot confirm it.");
        assertThat(load(id).status).isEqualTo(CaseStatus.REFERRED);

        FormSession b = staff.signedIn(second);
        String confirmPage = b.get("/staff/cases/" + id).asString();
        assertThat(confirmPage).contains("Confirm and close");
        // the confirming member writes (or keeps) the closing message to the reporter
        assertThat(confirmPage.substring(confirmPage.indexOf("id=\"close-confirm\"")))
                .contains("name=\"message\"");
        String goodbye = "The police have the case; we are closing it here " + System.nanoTime();
        assertThat(post(b, id, "/close/confirm", Map.of("message", goodbye)).statusCode())
                .isEqualTo(303);
        assertThat(b.get("/staff/cases/" + id).asString()).contains(goodbye);
        ReportCase closed = load(id);
        assertThat(closed.status).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.outcome).isEqualTo(Outcome.RESOLVED);
        assertThat(audit(id)).extracting(x -> x.action).contains("CLOSE_CONFIRM", "CLOSE");
        assertThat(QuarkusTransaction.requiringNew().call(() -> CloseRequest.findByCase(id)))
                .isEmpty();
    }

    @Test
    void aNoReferralDecisionWithAReasonCountsAndACloseRequestCanBeWithdrawn() {
        long school = staff.school("fr");
        FormSession a = staff.signedIn(staff.account(school, true, Role.HANDLER));
        FormSession admin = staff.signedIn(staff.account(school, true, Role.ADMIN));
        long id = newCase(school, "sextortion", "Someone threatens to share a picture");
        String why = "The pupil's family already went to the police themselves " + System.nanoTime();
        assertThat(post(a, id, "/referrals", Map.of("kind", "none", "reasonNone", why))
                        .statusCode())
                .isEqualTo(303);
        assertThat(load(id).status).as("no referral: status unchanged").isEqualTo(CaseStatus.NEW);
        String raw = QuarkusTransaction.requiringNew().call(() -> (String) CaseReferral.getEntityManager()
                .createNativeQuery("SELECT reason_none_enc FROM case_referral WHERE case_id = ?1")
                .setParameter(1, id)
                .getSingleResult());
        assertThat(raw).startsWith("v1:").doesNotContain("family");

        Duties.settle(a, id);
        assertThat(post(a, id, "/close", Map.of("outcome", "unsubstantiated")).statusCode())
                .isEqualTo(303);
        assertThat(post(a, id, "/close/withdraw", Map.of()).statusCode()).isEqualTo(303);
        assertThat(audit(id)).extracting(x -> x.action).contains("CLOSE_WITHDRAW");
        Response r = post(admin, id, "/close/confirm", Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("There is no request to close this case.");

        assertThat(post(a, id, "/close", Map.of("outcome", "unsubstantiated")).statusCode())
                .isEqualTo(303);
        assertThat(post(admin, id, "/close/confirm", Map.of()).statusCode()).isEqualTo(303);
        assertThat(load(id).outcome).isEqualTo(Outcome.UNSUBSTANTIATED);
        assertThat(load(id).status).isEqualTo(CaseStatus.CLOSED);

        QuarkusTransaction.requiringNew().run(() -> CaseReferral.purgeContent(id));
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseReferral.listByCase(id)))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.kind).isEqualTo(ReferralKind.NONE);
                    assertThat(x.reasonNoneEnc).isNull();
                });
    }

    @Test
    void linkedReportsShareAnIncidentAndReportersSeeNothingOfEachOther() {
        long school = staff.school("en");
        long other = staff.school("en");
        FormSession h = staff.signedIn(staff.account(school, true, Role.HANDLER));
        FormSession elsewhere = staff.signedIn(staff.account(other, true, Role.HANDLER));
        String textA = "Report A about the shared picture " + System.nanoTime();
        String textB = "Report B, the friend who saw it " + System.nanoTime();
        String receiptA = send(report(slug(school), "bullying", textA));
        long a = CaseworkFlowTest.lastCaseId();
        send(report(slug(school), "bullying", textB));
        long b = CaseworkFlowTest.lastCaseId();
        long c = newCase(school, "other", "Report C about the same day");
        long foreign = newCase(other, "bullying", "Elsewhere");

        Response r = post(h, a, "/links", Map.of("link", ""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("Give the number of the case to link.");
        for (String wrong : List.of("zz", String.valueOf(num(c) + 50), "999999999")) {
            r = post(h, a, "/links", Map.of("link", wrong));
            assertThat(r.statusCode()).as(wrong).isEqualTo(400);
            assertThat(r.asString()).contains("There is no case with this number at this school that you can open.");
        }
        r = post(h, a, "/links", Map.of("link", String.valueOf(num(a))));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("A case cannot be linked to itself");
        r = post(h, a, "/links/remove", Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("This report is not linked to an incident.");

        assertThat(post(h, b, "/links", Map.of("link", "#" + num(a))).statusCode())
                .isEqualTo(303);
        assertThat(load(a).incidentId).isEqualTo(a);
        assertThat(load(b).incidentId).isEqualTo(a);
        r = post(h, a, "/links", Map.of("link", String.valueOf(num(b))));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("already linked");
        assertThat(post(h, c, "/links", Map.of("link", String.valueOf(num(b)))).statusCode())
                .isEqualTo(303);
        assertThat(List.of(load(a).incidentId, load(b).incidentId, load(c).incidentId))
                .containsOnly(a);
        for (long x : List.of(a, b, c)) {
            assertThat(audit(x)).extracting(y -> y.action).contains("LINK");
        }

        String pageA = h.get("/staff/cases/" + a).asString();
        assertThat(pageA)
                .contains("Linked reports")
                .contains("href=\"/staff/cases/" + b + "\"")
                .contains("href=\"/staff/cases/" + c + "\"")
                .doesNotContain(textB);
        Response incident = h.get("/staff/cases/incidents/" + a);
        assertThat(incident.statusCode()).isEqualTo(200);
        assertThat(incident.asString())
                .contains("#" + num(a) + "<")
                .contains("#" + num(b) + "<")
                .contains("#" + num(c) + "<")
                .doesNotContain(textA)
                .doesNotContain(textB);
        assertThat(elsewhere.get("/staff/cases/incidents/" + a).statusCode()).isEqualTo(404);

        String toA = "We are looking into it " + System.nanoTime();
        String toB = "Thank you, friend of the pupil " + System.nanoTime();
        assertThat(post(h, a, "/messages", Map.of("message", toA)).statusCode()).isEqualTo(303);
        assertThat(post(h, b, "/messages", Map.of("message", toB)).statusCode()).isEqualTo(303);
        FormSession reporterA = new FormSession();
        reporterA.get("/report/follow-up");
        String followUp =
                reporterA.post("/report/follow-up", Map.of("receipt", receiptA)).asString();
        assertThat(followUp)
                .contains(toA)
                .doesNotContain(textB)
                .doesNotContain(toB)
                .doesNotContain("#" + num(b) + "<");

        assertThat(post(h, a, "/links/remove", Map.of()).statusCode()).isEqualTo(303);
        assertThat(load(a).incidentId).isNull();
        assertThat(load(b).incidentId).isEqualTo(Math.min(b, c));
        assertThat(load(c).incidentId).isEqualTo(Math.min(b, c));
        assertThat(audit(a)).extracting(y -> y.action).contains("UNLINK");
        assertThat(h.get("/staff/cases/" + a).asString()).contains("This report is not linked to other reports.");
        assertThat(post(h, b, "/links/remove", Map.of()).statusCode()).isEqualTo(303);
        assertThat(load(c).incidentId).as("an incident of one is dissolved").isNull();
    }

    @Test
    void staffOfAnotherSchoolGetNotFoundOnEveryWorkflowForm() {
        long school = staff.school("en");
        long other = staff.school("en");
        FormSession h = staff.signedIn(staff.account(school, true, Role.HANDLER));
        FormSession elsewhere = staff.signedIn(staff.account(other, true, Role.HANDLER, Role.ADMIN));
        long id = newCase(school, "intimate-image", "A picture");
        long theirs = newCase(other, "bullying", "Their own report");
        assertThat(post(h, id, "/referrals", Map.of("kind", "hotline", "reference", ""))
                        .statusCode())
                .isEqualTo(303);
        Duties.settle(h, id);
        assertThat(post(h, id, "/close", Map.of("outcome", "resolved")).statusCode())
                .isEqualTo(303);

        elsewhere.get("/staff/cases/" + theirs);
        for (String action : List.of(
                "/close", "/close/confirm", "/close/withdraw", "/reopen", "/referrals", "/links", "/links/remove")) {
            Response r = elsewhere.post(
                    "/staff/cases/" + id + action,
                    Map.of("outcome", "resolved", "kind", "police", "link", String.valueOf(theirs)));
            assertThat(r.statusCode()).as(action).isEqualTo(404);
            assertThat(r.asString()).doesNotContain("A picture");
        }
        Response r = post(elsewhere, theirs, "/links", Map.of("link", String.valueOf(num(id))));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(load(id).status).isEqualTo(CaseStatus.REFERRED);
        assertThat(load(id).incidentId).isNull();
        assertThat(load(theirs).incidentId).isNull();
    }

    @Test
    void workflowPagesAreValidHtml() throws Exception {
        long school = staff.school("en");
        FormSession h = staff.signedIn(staff.account(school, true, Role.HANDLER));
        long id = newCase(school, "intimate-image", "A picture");
        long other = newCase(school, "bullying", "Name calling");
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put(
                "close refused",
                post(h, id, "/close", Map.of("outcome", "duplicate", "duplicate", "x"))
                        .asString());
        pages.put(
                "referral refused",
                post(h, id, "/referrals", Map.of("kind", "none")).asString());
        pages.put("link refused", post(h, id, "/links", Map.of("link", "")).asString());
        post(h, id, "/referrals", Map.of("kind", "takedown", "reference", "T-1"));
        post(h, id, "/links", Map.of("link", String.valueOf(other)));
        Duties.settle(h, id);
        post(h, id, "/close", Map.of("outcome", "false_or_malicious", "reason", "Invented"));
        pages.put("pending", h.get("/staff/cases/" + id).asString());
        pages.put("own confirm refused", post(h, id, "/close/confirm", Map.of()).asString());
        post(h, other, "/close", Map.of("outcome", "resolved"));
        pages.put("closed", h.get("/staff/cases/" + other).asString());
        pages.put(
                "status refused",
                post(h, other, "/status", Map.of("status", "new")).asString());
        pages.put("export", h.get("/staff/cases/" + id + "/export").asString());
        pages.put(
                "incident",
                h.get("/staff/cases/incidents/" + Math.min(id, other)).asString());
        pages.put("list", h.get("/staff/cases?referred=yes").asString());
        for (var page : pages.entrySet()) {
            assertThat(io.haven.web.HtmlValidityTest.errorsIn(page.getValue(), page.getKey()))
                    .as(page.getKey())
                    .isEmpty();
        }
        assertThat(pages.get("closed")).contains("Resolved").contains("Reopen the case");
        assertThat(pages.get("pending")).contains("waiting for confirmation").contains("Invented");
    }

    /** Every refusal of a workflow form is a message key some bundle holds, in each language, never shown raw. */
    @Test
    void everyRefusalIsAMessageKeyWithTextInEachLanguage() {
        for (WorkflowResult.Refusal why : WorkflowResult.Refusal.values()) {
            for (io.haven.web.Language language : io.haven.web.Language.values()) {
                io.haven.web.FormErrors errors =
                        CaseWorkflowResource.refusal(new io.haven.web.FormErrors(language), why, "X");
                String key = errors.key(why.field);
                assertThat(io.haven.web.MessageKeys.exists(key))
                        .as(why + " " + key)
                        .isTrue();
                assertThat(errors.get(why.field))
                        .as(why + " " + language)
                        .isNotBlank()
                        .isNotEqualTo(key);
            }
        }
    }
}
