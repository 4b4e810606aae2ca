package io.haven.web;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A transactional service method whose transaction is repeated, a few times, when the database chose it as
 * a deadlock victim, a lock wait ran out, or an optimistic version check failed. Only the outermost call
 * repeats (a call inside a running transaction joins it); each attempt has its own transaction and reads
 * fresh state, so nothing of a failed attempt survives. See {@link RetryOnLockInterceptor}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetryOnLock {}
