package app.kindred.core.web;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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

	static boolean https(KindredProperties kindred) {
		return kindred.baseUrl() != null && kindred.baseUrl().regionMatches(true, 0, "https:", 0, 6);
	}

}
