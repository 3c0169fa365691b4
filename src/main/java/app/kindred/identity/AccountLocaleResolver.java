package app.kindred.identity;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;

import app.kindred.core.Language;
import app.kindred.core.web.Dates;

/**
 * Language: the account's preference, else the last choice made on this browser, else the
 * browser's own languages. Time zone: the account's, else the browser's (a small script
 * stores it in a cookie), else Europe/Helsinki.
 */
@Component("localeResolver")
class AccountLocaleResolver implements LocaleContextResolver {

	static final String LANGUAGE_COOKIE = "kindred-lang";
	static final String ZONE_COOKIE = "kindred-tz";

	/**
	 * The language chosen in this very request, so the page that switched already speaks
	 * it.
	 */
	private static final String CHOSEN = AccountLocaleResolver.class.getName() + ".chosen";

	private final Accounts accounts;

	private final AccountService service;

	AccountLocaleResolver(Accounts accounts, AccountService service) {
		this.accounts = accounts;
		this.service = service;
	}

	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		var user = accounts.current();
		var resolved = user.map(u -> u.language().locale()).orElseGet(() -> fromBrowser(request));
		var zone = user.map(CurrentUser::zone)
			.or(() -> cookie(request, ZONE_COOKIE).flatMap(AccountLocaleResolver::zone))
			.orElse(Dates.DEFAULT_ZONE);
		return new TimeZoneAwareLocaleContext() {
			/**
			 * Asked each time, not once: the request's locale context is resolved before
			 * the language switch in the same request is applied, and everything that
			 * reads it (dates, the programme texts' language) must already follow the
			 * switch.
			 */
			@Override
			public Locale getLocale() {
				var chosen = (Language) request.getAttribute(CHOSEN);
				return chosen != null ? chosen.locale() : resolved;
			}

			@Override
			public TimeZone getTimeZone() {
				return TimeZone.getTimeZone(zone);
			}
		};
	}

	@Override
	public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
		var language = context == null ? Optional.<Language>empty()
				: Optional.ofNullable(context.getLocale()).flatMap(l -> Language.fromCode(l.getLanguage()));
		language.ifPresent(chosen -> {
			request.setAttribute(CHOSEN, chosen);
			var cookie = new Cookie(LANGUAGE_COOKIE, chosen.code());
			cookie.setPath("/");
			cookie.setMaxAge(60 * 60 * 24 * 365);
			cookie.setHttpOnly(true);
			response.addCookie(cookie);
			accounts.current().ifPresent(user -> {
				service.preferLanguage(user.id(), chosen);
				user.refresh(user.displayName(), chosen, user.zone());
				SignedIn.remember(request);
			});
		});
	}

	private static Locale fromBrowser(HttpServletRequest request) {
		return cookie(request, LANGUAGE_COOKIE).flatMap(Language::fromCode)
			.or(() -> acceptLanguage(request))
			.orElse(Language.EN)
			.locale();
	}

	private static Optional<Language> acceptLanguage(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return Optional.empty();
		}
		var preferred = request.getLocales();
		while (preferred.hasMoreElements()) {
			var match = Language.fromCode(preferred.nextElement().getLanguage());
			if (match.isPresent()) {
				return match;
			}
		}
		return Optional.empty();
	}

	private static Optional<String> cookie(HttpServletRequest request, String name) {
		return request.getCookies() == null ? Optional.empty()
				: Arrays.stream(request.getCookies())
					.filter(c -> c.getName().equals(name))
					.map(Cookie::getValue)
					.findFirst();
	}

	private static Optional<ZoneId> zone(String id) {
		try {
			return Optional.of(ZoneId.of(id.replace('~', '/')));
		}
		catch (DateTimeException e) {
			return Optional.empty();
		}
	}

}
