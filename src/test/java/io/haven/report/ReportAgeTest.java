package io.haven.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.school.SchoolDirectory;
import io.haven.school.TestSchools;
import io.haven.web.FormSession;
import io.haven.web.HtmlValidityTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The optional age question of the report form (issue 17): "not sure" unless the reporter picks a band,
 * only the band stored, an unknown value refused with the form filled in; and the follow-up page says in
 * the privacy page's words when staff must tell the police or child protection.
 */
@QuarkusTest
class ReportAgeTest {

    @Inject
    SchoolDirectory schools;

    @Inject
    ReportResource resource;

    @BeforeEach
    void setUp() {
        TestSchools.ensure("report-test", "kr", "ko", "Asia/Seoul");
        schools.refresh();
        resource.clearLimitsForTests();
    }

    static Map<String, Object> form(String category, String body) {
        Map<String, Object> f = ReportFlowTest.validForm(body);
        f.put("category", category);
        return new HashMap<>(f);
    }

    static AgeBand lastAge() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ReportCase.<ReportCase>find("order by id desc").firstResult().ageBand);
    }

    @Test
    void theAgeQuestionIsOptionalStoresOnlyTheBandAndRefusesUnknownValuesFilledIn() throws Exception {
        String page = new FormSession().get("/report?lang=en").asString();
        assertThat(page)
                .contains("How old is the person this happened to?")
                .contains("name=\"age\" value=\"not-sure\" checked")
                .contains("value=\"11-13\"")
                .contains("value=\"adult\"");
        assertThat(new FormSession().get("/report?lang=ko").asString()).contains("이 일을 겪은 사람은 몇 살인가요?");
        assertThat(new FormSession().get("/report?lang=fr").asString())
                .contains("Quel âge a la personne à qui c’est arrivé ?");

        FormSession s = ReportFlowTest.session();
        Map<String, Object> f = form("sextortion", "They want money " + System.nanoTime());
        f.put("age", "42");
        Response r = s.post("/report", f);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains("Choose one of the ages")
                .contains("They want money")
                .contains("id=\"age-error\"");
        assertThat(HtmlValidityTest.errorsIn(r.asString(), "report form, age refused"))
                .isEmpty();

        f.put("age", "11-13");
        assertThat(s.post("/report", f).statusCode()).isEqualTo(200);
        assertThat(lastAge()).isEqualTo(AgeBand.AGES_11_13);

        FormSession other = ReportFlowTest.session();
        Map<String, Object> g = form("bullying", "Name calling " + System.nanoTime());
        g.remove("age");
        assertThat(other.post("/report", g).statusCode()).isEqualTo(200);
        assertThat(lastAge()).as("no answer: not sure").isEqualTo(AgeBand.NOT_SURE);
    }

    @Test
    void theFollowUpOfAnIntimateImageReportSaysWhenStaffMustTellOthersAsThePrivacyPageDoes() {
        FormSession s = ReportFlowTest.session();
        String receipt =
                ReportFlowTest.receiptOf(s.post("/report", form("intimate-image", "A picture " + System.nanoTime())));
        FormSession f = new FormSession();
        f.get("/report/follow-up");
        String page = f.post("/report/follow-up", Map.of("receipt", receipt)).asString();
        String privacy = new FormSession().get("/report/privacy").asString();
        String words = "staff must tell child protection services or the police";
        assertThat(page).contains("When staff must tell others").contains(words);
        assertThat(privacy).contains(words);

        FormSession b = ReportFlowTest.session();
        String plain =
                ReportFlowTest.receiptOf(b.post("/report", form("bullying", "Name calling " + System.nanoTime())));
        FormSession g = new FormSession();
        g.get("/report/follow-up");
        assertThat(g.post("/report/follow-up", Map.of("receipt", plain)).asString())
                .doesNotContain(words);
    }
}
