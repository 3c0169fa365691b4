package app.kindred.identity;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import app.kindred.core.web.DatabaseFailures;

/**
 * Sessions while the database is away. They are kept there (Spring Session JDBC), so a
 * request cannot read its session then: rather than fail before anything else, and again
 * on the error page, the request goes on without it, as if signed out, and meets the
 * outage where it needs the database, which answers 503 "briefly unavailable" in the
 * person's language (core.web.DatabaseUnavailableFilter). What a request would have
 * written to its session is lost, as the request itself failed. A form sent then cannot
 * have its CSRF token checked; {@link #UNAVAILABLE} lets the refusal say why. The
 * session's row stays, so the person is signed in again once the database is back. The
 * expired sessions' cleanup skips its round.
 */
@Configuration(proxyBeanMethods = false)
class SessionOutage {

	/** Request attribute: this request's session could not be read or written. */
	static final String UNAVAILABLE = SessionOutage.class.getName() + ".unavailable";

	/**
	 * Spring Session runs its SQL through the transaction operations its configuration is
	 * given; without any it makes a template of its own (REQUIRES_NEW over plain JDBC),
	 * as here. Plain JDBC, not the application's JPA transaction manager: a session is
	 * read and written two or three times a request, and each JPA transaction opens an
	 * entity manager for nothing.
	 */
	@Bean
	static BeanPostProcessor sessionOutageTolerance(ObjectProvider<DataSource> dataSource) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof JdbcHttpSessionConfiguration configuration) {
					configuration.setTransactionOperations(new Tolerant(dataSource));
				}
				return bean;
			}
		};
	}

	private static final class Tolerant implements TransactionOperations {

		private final ObjectProvider<DataSource> dataSource;

		private volatile TransactionTemplate template;

		Tolerant(ObjectProvider<DataSource> dataSource) {
			this.dataSource = dataSource;
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			var request = RequestContextHolder.getRequestAttributes();
			try {
				return template().execute(action);
			}
			catch (RuntimeException e) {
				if (!DatabaseFailures.unavailable(e)) {
					throw e;
				}
				// Not there on an error page's dispatch, where nothing asks
				if (request != null) {
					request.setAttribute(UNAVAILABLE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
				}
				return null;
			}
		}

		private TransactionTemplate template() {
			if (template == null) {
				var made = new TransactionTemplate(new DataSourceTransactionManager(dataSource.getObject()));
				made.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
				template = made;
			}
			return template;
		}

	}

}
