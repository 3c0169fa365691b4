package app.kindred.core.web;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Whether a failure means the database is away or overloaded for a moment (a restart, a
 * lost connection, a pool or query timeout, a lock wait given up), so that trying again
 * shortly may well work: answered with a 503, never a 500. A failure elsewhere in the
 * chain of causes counts too, since Spring, Hibernate and Hikari wrap each other.
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	public static boolean unavailable(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException // no connection to
																	// begin a transaction
																	// on
					|| cause instanceof DataAccessResourceFailureException // includes
																			// CannotGetJdbcConnectionException
					|| cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
					|| cause instanceof PessimisticLockingFailureException // lock wait
																			// timeout,
																			// deadlock
																			// victim
					|| cause instanceof SQLTransientException // pool timeout, query
																// timeout, rollback to
																// retry
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
					|| cause instanceof JDBCConnectionException) {
				return true;
			}
		}
		return false;
	}

}
