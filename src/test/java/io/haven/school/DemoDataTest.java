package io.haven.school;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two nodes started at once with demo data both start: losing the insert race on the demo school is no error. */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;

    @Test
    void concurrentStartsMakeTheSchoolOnceAndNeverFail() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                String slug = "race-" + UUID.randomUUID().toString().substring(0, 8);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> starts = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    starts.add(pool.submit(() -> {
                        go.await();
                        return demo.ensureSchool(slug, "Race School");
                    }));
                }
                go.countDown();
                int made = 0;
                for (Future<Boolean> f : starts) {
                    made += f.get() ? 1 : 0;
                }
                assertThat(made).isEqualTo(1);
                assertThat(QuarkusTransaction.requiringNew().call(() -> School.count("slug", slug)))
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
