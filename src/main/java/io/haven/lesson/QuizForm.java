package io.haven.lesson;

import io.haven.web.Band;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * The quiz form: the band of the questions the reader saw, and one answer per question, named
 * {@code q.<question id>} ({@link QuizResult#field}). The questions differ from lesson to lesson, so the
 * answers are read by the lesson's own field names rather than declared here.
 */
public class QuizForm {

    @RestForm
    public String band;

    /** The band sent with the form, if it is a band. */
    Optional<Band> band() {
        return Band.of(band);
    }

    /** The choice sent for each of the lesson's questions (null when none was sent). */
    Map<String, String> answers(Lesson lesson) {
        Map<String, String> answers = new HashMap<>();
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        for (QuizQuestion q : lesson.quiz()) {
            String name = QuizResult.field(q);
            Object value = request == null ? null : request.getFormParameter(name, true, false);
            answers.put(name, value instanceof String s ? s : null);
        }
        return answers;
    }
}
