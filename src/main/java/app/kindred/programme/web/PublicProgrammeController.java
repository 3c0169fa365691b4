package app.kindred.programme.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import app.kindred.core.Language;
import app.kindred.core.Participation;
import app.kindred.core.Refused;
import app.kindred.core.web.PublicRoutes;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.Organisations;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;

/** What anyone sees without signing in: the published programmes and each one's page. */
@Controller
class PublicProgrammeController {

	private final ProgrammeService programmes;

	private final Clock clock;

	private final Participation participation;

	private final Organisations organisations;

	PublicProgrammeController(ProgrammeService programmes, Participation participation, Organisations organisations,
			Clock clock) {
		this.programmes = programmes;
		this.organisations = organisations;
		this.participation = participation;
		this.clock = clock;
	}

	/**
	 * The published programmes, a page at a time. {@code organisation} narrows them to
	 * one organisation; empty, to none; without it, a signed-in person sees those of the
	 * organisation they work for or applied to (a national instance has dozens), and can
	 * choose another or every one.
	 */
	@GetMapping("/programmes")
	String published(@RequestParam(required = false) String organisation, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var chosen = organisation == null || organisation.isBlank() ? Optional.<OrganisationId>empty()
				: Optional.of(organisationId(organisation));
		var preferred = organisation == null && user != null ? organisationsOf(user) : List.<OrganisationId>of();
		model.addAttribute("list", programmes.published(chosen, preferred, page));
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "programme/published";
	}

	private static OrganisationId organisationId(String value) {
		try {
			return new OrganisationId(UUID.fromString(value.strip()));
		}
		catch (IllegalArgumentException e) {
			throw Refused.invalid("organisation", "home.organisation.invalid");
		}
	}

	/**
	 * The organisations a person works for, then those whose programmes they applied to.
	 */
	private List<OrganisationId> organisationsOf(CurrentUser user) {
		var found = new ArrayList<OrganisationId>();
		organisations.staffedBy(user.id()).forEach(o -> found.add(o.id()));
		participation.appliedTo(user.id().value())
			.forEach(id -> programmes.find(new ProgrammeId(id)).ifPresent(p -> found.add(p.organisation())));
		return found;
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
