package io.haven.lesson;

import io.haven.web.Band;
import java.util.ArrayList;
import java.util.List;

/**
 * Fired when a lesson page is shown, so that a feature which follows reading (class progress) can
 * record it without the lesson pages knowing about it.
 * <p>
 * The lesson page is answered on the event loop, where observers are notified, so an observer must
 * not block there: it hands its database work to {@link #thenBlocking}, and the page runs that work
 * on a worker thread before it answers (a reader who goes on to the class page sees the progress).
 */
public final class LessonOpened {

    private final String moduleId;
    private final Band band;
    private final List<Runnable> blocking = new ArrayList<>(1);

    public LessonOpened(String moduleId, Band band) {
        this.moduleId = moduleId;
        this.band = band;
    }

    public String moduleId() {
        return moduleId;
    }

    public Band band() {
        return band;
    }

    /** Work that may block (a database write), run off the event loop before the page is answered. */
    public void thenBlocking(Runnable work) {
        blocking.add(work);
    }

    List<Runnable> blockingWork() {
        return blocking;
    }
}
