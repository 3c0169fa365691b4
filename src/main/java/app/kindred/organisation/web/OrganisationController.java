package app.kindred.organisation.web;

import jakarta.validation.Valid;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.Networks;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationKind;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.organisation.OrganisationService;

@Controller
class OrganisationController {

	private final OrganisationService service;

	private final Organisations organisations;

	private final Networks networks;

	OrganisationController(OrganisationService service, Organisations organisations, Networks networks) {
		this.service = service;
		this.organisations = organisations;
		this.networks = networks;
	}

	@ModelAttribute("kinds")
	OrganisationKind[] kinds() {
		return OrganisationKind.values();
	}

	@ModelAttribute("languages")
	Language[] languages() {
		return Language.values();
	}

	@GetMapping("/organisations")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("organisations", service.staffedBy(user.id()));
		model.addAttribute("mayCreate", service.mayCreate(user.id()));
		return "organisation/list";
	}

	/** Someone who may not set up an organisation is told who may, instead of a form. */
	@GetMapping("/organisations/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response) {
		boolean mayCreate = service.mayCreate(user.id());
		if (!mayCreate) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
		}
		model.addAttribute("mayCreate", mayCreate);
		model.addAttribute("form", OrganisationForm.blank(Language.of(LocaleContextHolder.getLocale())));
		return "organisation/new";
	}

	@PostMapping("/organisations")
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") OrganisationForm form,
			BindingResult result, Model model) {
		if (result.hasErrors()) {
			model.addAttribute("mayCreate", true);
			return "organisation/new";
		}
		var id = service.create(form.settings(), user.id());
		return "redirect:/organisations/" + id;
	}

	@GetMapping("/organisations/{id}")
	String show(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("organisation", organisations.require(id, user.id()));
		var roles = organisations.rolesOf(id, user.id());
		model.addAttribute("roles", roles);
		model.addAttribute("isAdmin", roles.contains(Role.ORG_ADMIN));
		model.addAttribute("isCoordinator", roles.contains(Role.COORDINATOR));
		// The pooled report is the network's, for its admins and coordinators
		model.addAttribute("mayReport",
				networks.isNetwork(id) && (roles.contains(Role.ORG_ADMIN) || roles.contains(Role.COORDINATOR)));
		// the survey forms are the admins' and coordinators' (feedback's SurveyForms
		// decides the same)
		model.addAttribute("mayEditSurveys", roles.contains(Role.ORG_ADMIN) || roles.contains(Role.COORDINATOR));
		return "organisation/show";
	}

	@GetMapping("/organisations/{id}/settings")
	String settings(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		organisations.require(id, user.id(), Role.ORG_ADMIN);
		model.addAttribute("organisationId", id);
		model.addAttribute("form", OrganisationForm.of(service.settings(id, user.id())));
		return "organisation/settings";
	}

	@PostMapping("/organisations/{id}/settings")
	String update(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") OrganisationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		organisations.require(id, user.id(), Role.ORG_ADMIN);
		if (result.hasErrors()) {
			model.addAttribute("organisationId", id);
			return "organisation/settings";
		}
		service.update(id, form.settings(), user.id());
		redirect.addFlashAttribute("notice", "organisation.saved");
		return "redirect:/organisations/" + id;
	}

}
