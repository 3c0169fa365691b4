package app.kindred.programme.web;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.kindred.core.Language;
import app.kindred.core.Participation;
import app.kindred.core.web.PublicRoutes;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;

/** What anyone sees without signing in: the published programmes and each one's page. */
@Controller
class PublicProgrammeController {

	private final ProgrammeService programmes;

	private final Clock clock;

	private final Participation participation;

	PublicProgrammeController(ProgrammeService programmes, Participation participation, Clock clock) {
		this.programmes = programmes;
		this.participation = participation;
		this.clock = clock;
	}

	@GetMapping("/programmes")
	String published(Model model) {
		model.addAttribute("programmes", programmes.published());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "programme/published";
	}

	/**
	 * Someone who already takes part is shown their application instead of the
	 * invitations to sign up: one person takes one role in a programme.
	 */
	@GetMapping("/programmes/{id}")
	String show(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var programme = programmes.publicView(id);
		model.addAttribute("yourRole",
				user == null ? null : participation.liveRole(id.value(), user.id().value()).orElse(null));
		model.addAttribute("programme", programme);
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("allLanguages", Language.values());
		return "programme/public";
	}

	@Configuration(proxyBeanMethods = false)
	static class Routes {

		@Bean
		PublicRoutes programmeRoutes() {
			return () -> List.of("/programmes", "/programmes/*");
		}

	}

}
