package io.haven.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Security audit M5, reproduced in the suite: a burst of sign-ins (argon2id, 19 MiB each) at the same moment
 * as "danger now" reports. Password checks are capped per node, so sign-ins beyond the cap wait or get 503,
 * never a 500, and every report that showed a receipt is stored.
 */
@QuarkusTest
class FloodTest {

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @Inject
    ReportResource reports;

    @AfterEach
    void reset() {
        staff.reset();
        reports.clearLimitsForTests();
    }

    @Test
    void signInsInABurstNeverCostAReport() throws Exception {
        long school = staff.school("en");
        StaffFixtures.Account teacher = staff.account(school, false, Role.TEACHER);
        schools.refresh();
        String slug = QuarkusTransaction.requiringNew().call(() -> School.<School>findById(school).slug);
        long before = QuarkusTransaction.requiringNew().call(() -> ReportCase.count("schoolId", school));

        int signIns = Integer.getInteger("flood.sign-ins", 32);
        int dangerReports = Integer.getInteger("flood.reports", 8);
        List<FormSession> browsers = new ArrayList<>();
        for (int i = 0; i < signIns; i++) {
            FormSession b = new FormSession();
            b.get("/staff/login");
            browsers.add(b);
        }
        List<FormSession> reporters = new ArrayList<>();
        for (int i = 0; i < dangerReports; i++) {
            FormSession r = new FormSession();
            r.get("/report");
            reporters.add(r);
        }
        ExecutorService pool = Executors.newFixedThreadPool(signIns + dangerReports);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> signInAnswers = new ArrayList<>();
        List<Future<Integer>> reportAnswers = new ArrayList<>();
        for (int i = 0; i < signIns; i++) {
            FormSession b = browsers.get(i);
            // Half guess unknown accounts, half one real account: only the per-node cap and the throttle apply.
            String email = i % 2 == 0 ? "flood" + i + "@test.haven" : teacher.email();
            String password = "wrong password " + i;
            signInAnswers.add(pool.submit(started(
                    go,
                    () -> b.post("/staff/login", Map.of("email", email, "password", password))
                            .statusCode())));
        }
        for (FormSession r : reporters) {
            Map<String, Object> form = new java.util.HashMap<>(Map.of(
                    "school",
                    slug,
                    "category",
                    "intimate-image",
                    "affected",
                    "me",
                    "where",
                    "",
                    "when",
                    "",
                    "body",
                    "Danger now during a flood",
                    "dangerNow",
                    "yes",
                    "contact",
                    "",
                    "website",
                    ""));
            reportAnswers.add(
                    pool.submit(started(go, () -> r.post("/report", form).statusCode())));
        }
        go.countDown();
        List<Integer> signInCodes = new ArrayList<>();
        for (Future<Integer> f : signInAnswers) {
            signInCodes.add(f.get(120, TimeUnit.SECONDS));
        }
        int receipts = 0;
        for (Future<Integer> f : reportAnswers) {
            if (f.get(120, TimeUnit.SECONDS) == 200) {
                receipts++;
            }
        }
        pool.shutdown();
        assertThat(signInCodes)
                .as("sign-ins are refused, delayed or told to retry, never a 500")
                .allMatch(c -> c == 400 || c == 429 || c == 503);
        assertThat(receipts).as("every danger-now report got its receipt").isEqualTo(dangerReports);
        long stored = QuarkusTransaction.requiringNew().call(() -> ReportCase.count("schoolId", school)) - before;
        assertThat(stored).as("every receipt shown is a stored report").isEqualTo(receipts);
    }

    static <T> Callable<T> started(CountDownLatch go, Callable<T> work) {
        return () -> {
            go.await();
            return work.call();
        };
    }
}
