package app.kindred.core.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ExtendedServletRequestDataBinder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.springframework.web.bind.ServletRequestDataBinder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.BeansException;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.validation.FieldError;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * How every page form's errors reach the page, in one place instead of per controller.
 * <ul>
 * <li>A form record whose field got a value of the wrong type (text where a checkbox or a
 * date belongs) is still built, with that field empty, but Spring keeps the errors in a
 * binding result made before the record existed, so the page that shows them found no
 * form and failed with a 500. {@link TargetKeepingBinder} hands the page a binding result
 * on the record, with the same errors, so the form comes back with the message at the
 * field.</li>
 * <li>A parameter sent more than once for a field that holds one value (a text, a number,
 * a date, a choice) is refused at that field ({@code repeated}), rather than Spring
 * joining texts with commas ("Alice,Bob" stored as one name) or quietly taking the first
 * value. Fields that hold several values (lists, sets, arrays: checkbox groups, ticks)
 * are left alone.</li>
 * <li>A page rendered with a form that has errors answers 422 rather than 200 (see
 * {@link #unprocessableWhenInvalid()}), so no client or test can take a refused form for
 * a success.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class FormBinding {

	@Bean
	WebMvcRegistrations targetKeepingBinders() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
				return new RequestMappingHandlerAdapter() {
					@Override
					protected ServletRequestDataBinderFactory createDataBinderFactory(
							List<InvocableHandlerMethod> methods) {
						return new ServletRequestDataBinderFactory(methods, getWebBindingInitializer()) {
							@Override
							protected ServletRequestDataBinder createBinderInstance(@Nullable Object target,
									String name, NativeWebRequest request) {
								return new TargetKeepingBinder(target, name);
							}
						};
					}
				};
			}
		};
	}

	/**
	 * Refused forms answer 422: a page rendered with a binding result that has errors,
	 * and no other status set.
	 */
	static HandlerInterceptor unprocessableWhenInvalid() {
		return new HandlerInterceptor() {
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					@Nullable ModelAndView view) {
				if (view == null || response.getStatus() != HttpStatus.OK.value()
						|| (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
					return;
				}
				var invalid = view.getModel()
					.values()
					.stream()
					.anyMatch(v -> v instanceof BindingResult result && result.hasErrors());
				if (invalid) {
					response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				}
			}
		};
	}

	static final class TargetKeepingBinder extends ExtendedServletRequestDataBinder {

		private @Nullable AbstractPropertyBindingResult kept;

		TargetKeepingBinder(@Nullable Object target, String name) {
			super(target, name);
		}

		/**
		 * Fields sent more than once, with the first value each, found while constructing
		 * the form record.
		 */
		private final Map<String, Object> repeated = new LinkedHashMap<>();

		@Override
		public void construct(ValueResolver resolver) {
			super.construct(new ValueResolver() {
				@Override
				public @Nullable Object resolveValue(String name, Class<?> type) {
					var value = resolver.resolveValue(name, type);
					if (value instanceof Object[] values && values.length > 1 && !multiValued(type)) {
						TargetKeepingBinder.this.repeated.put(name, values[0]);
					}
					return value;
				}

				@Override
				public Set<String> getNames() {
					return resolver.getNames();
				}
			});
			var made = super.getInternalBindingResult();
			if (getTarget() != null && made.getTarget() == null) {
				var result = new BeanPropertyBindingResult(getTarget(), getObjectName(), isAutoGrowNestedPaths(),
						getAutoGrowCollectionLimit());
				if (getConversionService() != null) {
					result.initConversion(getConversionService());
				}
				if (made.getMessageCodesResolver() != null) {
					result.setMessageCodesResolver(made.getMessageCodesResolver());
				}
				result.addAllErrors(made);
				this.kept = result;
			}
			this.repeated.forEach(this::rejectRepeated);
		}

		@Override
		protected void doBind(MutablePropertyValues values) {
			for (var value : values.getPropertyValues()) {
				if (value.getValue() instanceof Object[] several && several.length > 1) {
					TypeDescriptor type;
					try {
						type = getPropertyAccessor().getPropertyTypeDescriptor(value.getName());
					}
					catch (BeansException unknown) {
						continue; // not a property of the form: ignored anyway
					}
					if (type != null && !multiValued(type.getType())) {
						values.removePropertyValue(value);
						rejectRepeated(value.getName(), several[0]);
					}
				}
			}
			super.doBind(values);
		}

		private void rejectRepeated(String field, @Nullable Object first) {
			var result = getInternalBindingResult();
			if (result.hasFieldErrors(field)) {
				return; // one message at a field
			}
			var codes = result.resolveMessageCodes("repeated", field);
			result.addError(
					new FieldError(getObjectName(), field, first, true, codes, null, "Please give one value only."));
		}

		private static boolean multiValued(Class<?> type) {
			return type.isArray() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
		}

		@Override
		protected AbstractPropertyBindingResult getInternalBindingResult() {
			return this.kept != null ? this.kept : super.getInternalBindingResult();
		}

	}

}
