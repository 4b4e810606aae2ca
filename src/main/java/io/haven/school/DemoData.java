package io.haven.school;

import io.haven.web.HavenConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Demo data for the embedded run (haven.demo-data=true): a demo school to try per-school links on.
 * Runs before the school directory loads. Never enabled in production.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    HavenConfig config;

    @Transactional
    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (!config.demoData() || School.findBySlug("demo").isPresent()) {
            return;
        }
        School s = new School();
        s.slug = "demo";
        s.name = "Haven Demo School";
        s.jurisdiction = "kr";
        s.defaultLanguage = "ko";
        s.timeZone = "Asia/Seoul";
        s.createdAt = Instant.now();
        s.persist();
        LOG.info("Demo data: created the school 'demo' (per-school links start with /s/demo)");
    }
}
