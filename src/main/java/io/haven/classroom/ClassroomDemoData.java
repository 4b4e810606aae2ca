package io.haven.classroom;

import io.haven.school.School;
import io.haven.staff.Staff;
import io.haven.web.Clock;
import io.haven.web.HavenConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The demo run's class: the demo teacher's, with a module assigned, its join code in the log. */
@ApplicationScoped
public class ClassroomDemoData {

    private static final Logger LOG = Logger.getLogger(ClassroomDemoData.class);

    @Inject
    HavenConfig config;

    @Inject
    Clock clock;

    /** After the demo school (priority 1) and the demo staff (priority 2). */
    @Transactional
    void onStart(@Observes @Priority(3) StartupEvent event) {
        if (!config.demoData()) {
            return;
        }
        Optional<School> school = School.findBySlug("demo");
        Optional<Staff> teacher = Staff.findByEmail("teacher@demo.haven");
        if (school.isEmpty() || teacher.isEmpty()) {
            return;
        }
        Classroom c = Classroom.<Classroom>find("ownerId", teacher.get().id)
                .firstResultOptional()
                .orElseGet(() -> {
                    Classroom n = new Classroom();
                    n.schoolId = school.get().id;
                    n.ownerId = teacher.get().id;
                    n.name = "Demo class 2-1";
                    n.band = "11-13";
                    n.language = school.get().defaultLanguage;
                    String code;
                    do {
                        code = Codes.random(Codes.JOIN_LENGTH);
                    } while (Classroom.codeTaken(code));
                    n.joinCode = code;
                    n.codeOpen = true;
                    n.createdAt = clock.now();
                    n.persist();
                    Assignment a = new Assignment();
                    a.classroomId = n.id;
                    a.moduleId = "deepfakes-and-consent";
                    a.band = "11-13";
                    a.createdAt = clock.now();
                    a.persist();
                    return n;
                });
        LOG.infof("Demo data: class \"%s\" (teacher@demo.haven), join code %s at /join", c.name, c.joinCode);
    }
}
