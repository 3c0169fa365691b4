package app.kindred.certificate.web;

import java.util.LinkedHashMap;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.kindred.certificate.internal.VerificationService;
import app.kindred.certificate.internal.VerificationService.Found;
import app.kindred.certificate.internal.VerificationService.NotFound;
import app.kindred.certificate.internal.VerificationService.Throttled;
import app.kindred.core.Language;
import app.kindred.core.web.PublicRoutes;

/**
 * The public verification page: anyone with a certificate's code sees whether it is
 * genuine and still in force. Identity's {@code /verify} (e-mail verification) and
 * {@code /verify/resend} are literal paths and win over {@code /verify/{code}}.
 */
@Controller
class VerifyController {

	/**
	 * Search engines keep the page out of their index (and the holder's name with it).
	 */
	private static final String ROBOTS = "X-Robots-Tag";

	private final VerificationService verification;

	VerifyController(VerificationService verification) {
		this.verification = verification;
	}

	@GetMapping("/verify/{code}")
	String verify(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setHeader(ROBOTS, "noindex");
		var lookup = verification.verify(code, request.getRemoteAddr(), Language.of(LocaleContextHolder.getLocale()));
		return switch (lookup) {
			case Found found -> {
				model.addAttribute("certificate", found.certificate());
				yield "certificate/verify";
			}
			case NotFound notFound -> {
				response.setStatus(HttpStatus.NOT_FOUND.value());
				sameForEveryCode(model);
				yield "certificate/verify-not-found";
			}
			case Throttled throttled -> {
				var seconds = Math.max(1, throttled.retryAfter().toSeconds());
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
				model.addAttribute("minutes", (seconds + 59) / 60);
				sameForEveryCode(model);
				yield "certificate/verify-throttled";
			}
		};
	}

	/**
	 * The language switch's links without the code asked for (relative, so they still
	 * lead back to it), so that every code not found answers the very same bytes.
	 */
	private static void sameForEveryCode(Model model) {
		var links = new LinkedHashMap<String, String>();
		for (var language : Language.values()) {
			links.put(language.code(), "?lang=" + language.code());
		}
		model.addAttribute("languageLinks", links);
	}

	@Configuration(proxyBeanMethods = false)
	static class Routes {

		@Bean
		PublicRoutes certificateVerificationRoutes() {
			return () -> List.of("/verify/*");
		}

	}

}
