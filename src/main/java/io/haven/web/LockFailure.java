package io.haven.web;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.LockAcquisitionException;

/** Which failures of a transaction are a lost race (worth repeating it) rather than a bug. */
public final class LockFailure {

    /** MariaDB: deadlock found, lock wait timeout. */
    private static final int MARIADB_DEADLOCK = 1213;

    private static final int MARIADB_LOCK_WAIT = 1205;
    /** H2: deadlock, lock timeout, concurrent update of the same row. */
    private static final int H2_DEADLOCK = 40001;

    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_CONCURRENT_UPDATE = 90131;

    public enum Kind {
        /** Another transaction changed the row since it was read (a version check failed). */
        STALE,
        /** A deadlock victim or a lock wait that ran out. */
        LOCK,
        NONE
    }

    private LockFailure() {}

    public static Kind of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return Kind.STALE;
            }
            if (t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException
                    || t instanceof LockAcquisitionException
                    || t instanceof org.hibernate.PessimisticLockException
                    || t instanceof SQLTransactionRollbackException) {
                return Kind.LOCK;
            }
            if (t instanceof SQLException s
                    && ("40001".equals(s.getSQLState())
                            || s.getErrorCode() == MARIADB_DEADLOCK
                            || s.getErrorCode() == MARIADB_LOCK_WAIT
                            || s.getErrorCode() == H2_DEADLOCK
                            || s.getErrorCode() == H2_LOCK_TIMEOUT
                            || s.getErrorCode() == H2_CONCURRENT_UPDATE)) {
                return Kind.LOCK;
            }
            for (Throwable s : t.getSuppressed()) {
                Kind k = of(s);
                if (k != Kind.NONE) {
                    return k;
                }
            }
        }
        return Kind.NONE;
    }
}
