package io.haven.school;

/**
 * A school was created or its settings changed, fired inside the transaction that did it: the school
 * directory of this node reloads once that transaction has committed.
 */
public record SchoolChanged(long schoolId) {}
