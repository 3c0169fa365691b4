package app.kindred.core.diagnostics;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.StatementType;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * Counts every SQL statement Kindred sends to its database, as the Micrometer counter
 * {@code kindred.jdbc.statements} tagged by {@code type} (select, insert, update, delete,
 * other), so that bench/registration-rush can print statements per person beside CPU per
 * person. Only with {@code kindred.diagnostics.count-statements=true}; off by default,
 * and it says so in the log when on.
 *
 * <p>
 * Counted in the application because PostgreSQL keeps no statement counts per database
 * without pg_stat_statements, which needs the shared server restarted with it preloaded.
 * Hibernate's statistics would miss what JdbcClient, Spring Session JDBC and the event
 * publication registry send; wrapping the one {@link DataSource} (datasource-proxy) sees
 * them all. Each execution counts once, and each row of a batch counts once, as
 * PostgreSQL executes it; BEGIN and COMMIT are not statements here (PostgreSQL counts
 * those as transactions). At DEBUG it logs each statement, to see which they are in a
 * small run.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("kindred.diagnostics.count-statements")
class StatementCounting {

	private static final Logger log = LoggerFactory.getLogger(StatementCounting.class);

	// Infrastructure, as the post-processor that needs it is
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static StatementCounter statementCounter() {
		return new StatementCounter();
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static BeanPostProcessor statementCountingDataSource(StatementCounter counter) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					log.warn("Counting SQL statements on data source '{}' (kindred.diagnostics.count-statements): "
							+ "for benchmarks, not for production", beanName);
					return ProxyDataSourceBuilder.create(beanName, dataSource).listener(counter).build();
				}
				return bean;
			}
		};
	}

	/**
	 * The counts, kept in adders so that counting costs the request threads next to
	 * nothing.
	 */
	static final class StatementCounter implements QueryExecutionListener, MeterBinder {

		private static final String[] TYPES = { "select", "insert", "update", "delete", "other" };

		private final LongAdder[] counts = { new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(),
				new LongAdder() };

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			boolean preparedBatch = execution.isBatch() && execution.getStatementType() != StatementType.STATEMENT;
			for (var query : queries) {
				int times = preparedBatch ? Math.max(1, query.getParametersList().size()) : 1;
				counts[type(query.getQuery())].add(times);
				if (log.isDebugEnabled()) {
					log.debug("{} x {}", times, query.getQuery().replaceAll("\\s+", " "));
				}
			}
		}

		/** The first keyword only: cheap, and enough to tell reads from writes. */
		static int type(String sql) {
			int i = 0;
			while (i < sql.length() && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) {
				i++;
			}
			for (int t = 0; t < 4; t++) {
				if (sql.regionMatches(true, i, TYPES[t], 0, TYPES[t].length())) {
					return t;
				}
			}
			return 4;
		}

		@Override
		public void bindTo(MeterRegistry registry) {
			for (int t = 0; t < TYPES.length; t++) {
				FunctionCounter.builder("kindred.jdbc.statements", counts[t], LongAdder::sum)
					.description("SQL statements sent to the database (kindred.diagnostics.count-statements)")
					.tag("type", TYPES[t])
					.register(registry);
			}
		}

	}

}
