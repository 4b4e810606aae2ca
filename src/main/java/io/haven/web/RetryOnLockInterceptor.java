package io.haven.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.ClientErrorException;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Repeats a {@link RetryOnLock} call whose transaction lost a race. Runs outside {@code @Transactional}
 * (a lower priority number), so every attempt is a whole new transaction. When the attempts run out, a
 * stale write becomes 409 and a lock failure 503 with Retry-After: never a 500.
 */
@RetryOnLock
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetryOnLockInterceptor {

    private static final Logger LOG = Logger.getLogger(RetryOnLockInterceptor.class);
    static final int ATTEMPTS = 6;

    @Inject
    TransactionManager transactions;

    @AroundInvoke
    Object retry(InvocationContext ctx) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return ctx.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return ctx.proceed();
            } catch (RuntimeException e) {
                LockFailure.Kind kind = LockFailure.of(e);
                if (kind == LockFailure.Kind.NONE) {
                    throw e;
                }
                String method = ctx.getMethod().getDeclaringClass().getSimpleName() + "."
                        + ctx.getMethod().getName();
                if (attempt >= ATTEMPTS) {
                    LOG.warnf("%s lost a %s race %d times; giving up", method, kind, attempt);
                    throw kind == LockFailure.Kind.STALE ? new ClientErrorException(409) : new BusyException(5);
                }
                LOG.debugf("%s lost a %s race; attempt %d", method, kind, attempt + 1);
                // A short random pause, growing with each attempt, so the racers do not collide again.
                Thread.sleep(ThreadLocalRandom.current().nextLong(2, 10L * attempt * attempt));
            }
        }
    }
}
