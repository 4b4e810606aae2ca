package io.haven.classroom;

import io.haven.lesson.LessonOpened;
import io.haven.lesson.QuizSubmitted;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Records class progress from the lesson pages' events, only when the browser holds a valid seat
 * cookie. A failure here never breaks the lesson page: progress is a convenience, reading is not.
 */
@ApplicationScoped
public class ProgressRecorder {

    private static final Logger LOG = Logger.getLogger(ProgressRecorder.class);

    @Inject
    HttpServerRequest request;

    @Inject
    SeatCookie seatCookie;

    @Inject
    ClassroomService classes;

    void onOpened(@Observes LessonOpened e) {
        // Notified on the event loop: the cookie is read here, the write is handed to a worker thread.
        seat().ifPresent(id -> e.thenBlocking(() -> {
            try {
                classes.opened(id, e.moduleId(), e.band());
            } catch (RuntimeException ex) {
                // Two tabs opening the same lesson at once: the other one recorded it.
                LOG.debugf("lesson opening not recorded: %s", ex.getClass().getSimpleName());
            }
        }));
    }

    void onQuiz(@Observes QuizSubmitted e) {
        seat().ifPresent(id -> {
            try {
                classes.quizSent(id, e.moduleId(), e.band(), e.result());
            } catch (RuntimeException ex) {
                LOG.warnf("quiz result not recorded: %s", ex.getClass().getSimpleName());
            }
        });
    }

    private Optional<Long> seat() {
        Cookie c = request.getCookie(SeatCookie.NAME);
        return seatCookie.seatId(c == null ? null : c.getValue());
    }
}
