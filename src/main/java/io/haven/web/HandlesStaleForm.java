package io.haven.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method: when the form's CSRF token is stale, {@link CsrfFilter} lets the request through
 * (marked rejected) so that the method can show the form again filled in, or redirect with a message,
 * without acting on it ({@link Forms#check} reports the stale form first). Without this mark a stale
 * token ends the request with 403: a new handler that forgets the check is refused, never exposed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HandlesStaleForm {}
