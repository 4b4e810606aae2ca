package io.haven.lesson;

/**
 * Fired when a lesson page is shown, so that a feature which follows reading (class progress) can
 * record it without the lesson pages knowing about it.
 */
public record LessonOpened(String moduleId, Band band) {
}
