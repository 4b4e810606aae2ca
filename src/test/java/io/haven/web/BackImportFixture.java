package io.haven.web;

/**
 * Deliberately wrong, for ArchitectureTest only: web must never use a feature. The architecture test shows
 * that this one back-import (web -> casework, while casework uses web) is reported as a cycle.
 */
final class BackImportFixture {

    private BackImportFixture() {}

    static Class<?> feature() {
        return io.haven.casework.CaseService.class;
    }
}
