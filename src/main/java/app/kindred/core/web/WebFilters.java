package app.kindred.core.web;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

import app.kindred.core.KindredProperties;

/**
 * Filters ahead of Spring Security (order -100), so that they see every response,
 * including its refusals.
 */
@Configuration(proxyBeanMethods = false)
class WebFilters {

	@Bean
	FilterRegistrationBean<SecurityHeaders> securityHeaders(KindredProperties kindred) {
		var registration = new FilterRegistrationBean<>(new SecurityHeaders(https(kindred)));
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * After the character encoding filter (highest precedence), which must come before
	 * parameters are parsed.
	 */
	@Bean
	FilterRegistrationBean<ParameterRefusals> parameterRefusals() {
		var registration = new FilterRegistrationBean<>(new ParameterRefusals());
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
		return registration;
	}

	@Bean
	FilterRegistrationBean<DirectErrorRequests> directErrorRequests() {
		var registration = new FilterRegistrationBean<>(new DirectErrorRequests());
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 16);
		return registration;
	}

	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailable(ProblemResponses problems) {
		var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter(problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/**
	 * Behind an https address the session cookie is {@code Secure}, so a browser never
	 * sends it over plain http (the only other cookies, the language and time zone, say
	 * nothing about the person). Decided from the public address rather than each
	 * request, since TLS usually ends at a reverse proxy. The cookie is Spring Session's
	 * (sessions are shared by the instances through the database), which takes the other
	 * {@code server.servlet.session.cookie} settings, same-site among them.
	 */
	@Bean
	DefaultCookieSerializerCustomizer secureSessionCookie(KindredProperties kindred) {
		return cookies -> {
			if (https(kindred)) {
				cookies.setUseSecureCookie(true);
			}
		};
	}

	/**
	 * Two requests of one session at once (a double click on a form) may both add the
	 * same new attribute, such as the flash message: Spring Session's plain insert would
	 * then fail the second with a duplicate key (a 500). Adding an attribute is an upsert
	 * instead, in PostgreSQL's words or H2's.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentSessionAttributes(
			@Value("${spring.datasource.url:}") String url) {
		if (url.startsWith("jdbc:postgresql:")) {
			return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		}
		return sessions -> sessions.setCreateSessionAttributeQuery("""
				MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
				KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
				VALUES (?, ?, ?)
				""");
	}

	static boolean https(KindredProperties kindred) {
		return kindred.baseUrl() != null && kindred.baseUrl().regionMatches(true, 0, "https:", 0, 6);
	}

}
