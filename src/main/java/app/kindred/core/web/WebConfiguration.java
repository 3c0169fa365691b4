package app.kindred.core.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/**
	 * {@code ?lang=fi} on any page switches the language; the locale resolver remembers
	 * the choice. A document's own language (a certificate's PDF) is asked for under
	 * another name, so fetching one never switches the person's.
	 */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(FormBinding.unprocessableWhenInvalid());
	}

	/**
	 * One way to read dates for every form and query: strict ISO, within {@link Dates}'
	 * range (see {@link InputBinding}).
	 */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(LocalDate.class, new InputBinding.DateFormatter());
		registry.addFormatterForFieldType(LocalDateTime.class, new InputBinding.LocalDateTimeFormatter());
	}

	/**
	 * Static files under their own prefixes instead of Spring Boot's catch-all
	 * {@code /**} handler (switched off with
	 * {@code spring.web.resources.add-mappings=false}). With webjars-locator-lite on the
	 * classpath the resource chain is on, so every link a page renders goes through
	 * {@code ResourceUrlEncodingFilter}; under {@code /**} each page link such as
	 * {@code /sign-in} was looked up in four classpath locations of the nested jar and,
	 * not being a file, never cached: about a third of the CPU of a rendered page. Same
	 * URLs as before; the chain (with its cache and the versionless webjar paths) stays.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
		registry.addResourceHandler("/img/**").addResourceLocations("classpath:/static/img/").resourceChain(true);
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true);
	}

	/**
	 * Images, such as the icon every page links to (so that browsers do not ask for a
	 * missing {@code /favicon.ico}), for signed-out visitors too.
	 */
	@Bean
	PublicRoutes imageRoutes() {
		return () -> List.of("/img/**");
	}

}
