package app.kindred.core.events;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationsInProgressLookup;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wraps every Kindred {@code @ApplicationModuleListener} invocation: tells the listener
 * which publication it works on ({@link CurrentPublication}), and records why it failed,
 * if it does, for the operators' view.
 * <p>
 * It runs inside Spring Modulith's completion advice (order
 * {@code HIGHEST_PRECEDENCE + 10}, which marks the publication processing before and
 * completed or failed after) and outside the listener's own transaction (the transaction
 * advice has the lowest precedence), on the listener's asynchronous thread.
 */
@Configuration(proxyBeanMethods = false)
class PublicationTracking {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor publicationTrackingAdvisor(ObjectProvider<EventPublicationRegistry> registry,
			ObjectProvider<JdbcClient> jdbc, ObjectProvider<PlatformTransactionManager> transactions,
			ObjectProvider<Clock> clock) {
		var pointcut = new ComposablePointcut(type -> type.getName().startsWith("app.kindred."))
			.intersection(new AnnotationMatchingPointcut(null, TransactionalEventListener.class, true));
		var advisor = new DefaultPointcutAdvisor(pointcut, new Interceptor(registry, jdbc, transactions, clock));
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return advisor;
	}

	static final class Interceptor implements MethodInterceptor {

		private static final Logger log = LoggerFactory.getLogger(PublicationTracking.class);

		private final Map<Method, String> listenerIds = new ConcurrentHashMap<>();

		private final ObjectProvider<EventPublicationRegistry> registry;

		private final ObjectProvider<JdbcClient> jdbc;

		private final ObjectProvider<PlatformTransactionManager> transactions;

		private final ObjectProvider<Clock> clock;

		private volatile Object registryTarget;

		Interceptor(ObjectProvider<EventPublicationRegistry> registry, ObjectProvider<JdbcClient> jdbc,
				ObjectProvider<PlatformTransactionManager> transactions, ObjectProvider<Clock> clock) {
			this.registry = registry;
			this.jdbc = jdbc;
			this.transactions = transactions;
			this.clock = clock;
		}

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			var arguments = invocation.getArguments();
			var publication = arguments.length == 1 ? publication(invocation.getMethod(), arguments[0])
					: Optional.<UUID>empty();
			var previous = CurrentPublication.enter(publication.orElse(null));
			try {
				return invocation.proceed();
			}
			catch (Throwable failure) {
				publication.ifPresent(id -> recordFailure(id, failure));
				throw failure;
			}
			finally {
				CurrentPublication.leave(previous);
			}
		}

		private Optional<UUID> publication(Method method, Object event) {
			// The same listener id Spring Modulith gives the method
			// (CompletionRegisteringAdvisor computes it alike)
			var listenerId = listenerIds.computeIfAbsent(method,
					m -> new TransactionalApplicationListenerMethodAdapter("kindred", m.getDeclaringClass(), m)
						.getListenerId());
			return PublicationsInProgressLookup.publicationId(registryTarget(), event, listenerId);
		}

		/**
		 * The registry itself, not the transactional proxy around it (whose own fields
		 * are empty).
		 */
		private Object registryTarget() {
			var target = registryTarget;
			if (target == null) {
				target = registry.getObject();
				while (target instanceof Advised advised) {
					try {
						var inner = advised.getTargetSource().getTarget();
						if (inner == null || inner == target) {
							break;
						}
						target = inner;
					}
					catch (Exception e) {
						break;
					}
				}
				registryTarget = target;
			}
			return target;
		}

		/** Best effort: the database may well be what failed. */
		private void recordFailure(UUID publication, Throwable failure) {
			try {
				var template = new TransactionTemplate(transactions.getObject());
				template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
				var at = clock.getIfAvailable(Clock::systemUTC).instant().atOffset(ZoneOffset.UTC);
				var client = jdbc.getObject();
				template.executeWithoutResult(status -> {
					client.sql("DELETE FROM publication_failure WHERE publication_id = ?").param(publication).update();
					client
						.sql("INSERT INTO publication_failure (publication_id, last_error, failed_at) VALUES (?, ?, ?)")
						.params(publication, SafeErrors.describe(failure), at)
						.update();
				});
			}
			catch (RuntimeException e) {
				log.debug("Could not record why publication {} failed", publication, e);
			}
		}

	}

}
