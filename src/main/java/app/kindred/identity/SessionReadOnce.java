package app.kindred.identity;

import java.io.IOException;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request reads its session from the database once. Spring Session reads it again
 * whenever the response is committed before the request ends (every redirect, every page
 * larger than the response buffer): its filter saves the session then, forgets what it
 * read, and on leaving asks the repository for the requested session anew (spring-session
 * issue 1731). Within one request that second read can only return what this request just
 * saved, so the repository answers it from the request's own copy instead: one statement
 * less on most requests, and nothing kept across requests.
 *
 * <p>
 * The copy lives in a thread-local opened by a filter just ahead of Spring Session's and
 * closed when the request leaves it; outside a request (the expired sessions' cleanup)
 * every call goes to the repository as before.
 */
@Configuration(proxyBeanMethods = false)
class SessionReadOnce {

	/** The session this request last read or saved, and the id it was asked for by. */
	private static final class Copy {

		private String requestedId;

		private Session session;

		Session answer(String id) {
			return session != null && (id.equals(requestedId) || id.equals(session.getId())) ? session : null;
		}

		void keep(String id, Session read) {
			requestedId = id;
			session = read;
		}

	}

	private static final ThreadLocal<Copy> CURRENT = new ThreadLocal<>();

	/**
	 * The repository as a class proxy (its type stays, for the beans that take it by
	 * class) whose reads within a request are answered from the request's copy.
	 */
	@Bean
	static BeanPostProcessor sessionRepositoryRemembering() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof JdbcIndexedSessionRepository) {
					var proxy = new ProxyFactory(bean);
					proxy.setProxyTargetClass(true);
					proxy.addAdvice(new Remembering());
					return proxy.getProxy(bean.getClass().getClassLoader());
				}
				return bean;
			}
		};
	}

	@Bean
	FilterRegistrationBean<Scope> sessionReadScope() {
		var registration = new FilterRegistrationBean<>(new Scope());
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
		// Around Spring Session's filter, whose last read happens as it leaves
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	private static final class Remembering implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			var copy = CURRENT.get();
			var arguments = invocation.getArguments();
			if (copy == null || arguments.length != 1) {
				return invocation.proceed();
			}
			switch (invocation.getMethod().getName()) {
				case "findById" -> {
					var id = (String) arguments[0];
					var known = copy.answer(id);
					if (known != null) {
						return known;
					}
					var read = invocation.proceed();
					if (read instanceof Session session) {
						copy.keep(id, session);
					}
					return read;
				}
				case "save" -> {
					var result = invocation.proceed();
					if (arguments[0] instanceof Session session) {
						copy.keep(session.getId(), session);
					}
					return result;
				}
				case "deleteById" -> {
					copy.keep(null, null);
					return invocation.proceed();
				}
				default -> {
					return invocation.proceed();
				}
			}
		}

	}

	/** Opens the request's copy and drops it when the request is done. */
	static final class Scope extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CURRENT.set(new Copy());
			try {
				chain.doFilter(request, response);
			}
			finally {
				CURRENT.remove();
			}
		}

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

	}

}
