package app.kindred.programme.web;

import java.time.Clock;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;

/** Coordinators create and run programmes; other staff of the organisation may look. */
@Controller
class ProgrammeManageController {

	private final ProgrammeService programmes;

	private final Organisations organisations;

	private final ProgrammeRules rules;

	private final Clock clock;

	ProgrammeManageController(ProgrammeService programmes, Organisations organisations, ProgrammeRules rules,
			Clock clock) {
		this.programmes = programmes;
		this.organisations = organisations;
		this.rules = rules;
		this.clock = clock;
	}

	@InitBinder("form")
	void rules(WebDataBinder binder) {
		binder.addValidators(rules);
	}

	@ModelAttribute("allLanguages")
	Language[] languages() {
		return Language.values();
	}

	@ModelAttribute("eligibilityKinds")
	EligibilityKind[] eligibilityKinds() {
		return EligibilityKind.values();
	}

	@GetMapping("/organisations/{orgId}/programmes")
	String list(@PathVariable UUID orgId, @AuthenticationPrincipal CurrentUser user, Model model) {
		var organisation = new OrganisationId(orgId);
		model.addAttribute("organisation", organisations.require(organisation, user.id()));
		model.addAttribute("programmes", programmes.ofOrganisation(organisation, user.id()));
		model.addAttribute("canCreate", organisations.rolesOf(organisation, user.id()).contains(Role.COORDINATOR));
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "programme/list";
	}

	@GetMapping("/organisations/{orgId}/programmes/new")
	String newForm(@PathVariable UUID orgId, @AuthenticationPrincipal CurrentUser user, Model model) {
		var organisation = organisations.require(new OrganisationId(orgId), user.id(), Role.COORDINATOR);
		model.addAttribute("organisation", organisation);
		model.addAttribute("form", ProgrammeForm.defaults(Language.of(LocaleContextHolder.getLocale()),
				user.displayName(), user.email(), clock, organisation.zone()));
		return "programme/new";
	}

	@PostMapping("/organisations/{orgId}/programmes")
	String create(@PathVariable UUID orgId, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") ProgrammeForm form, BindingResult result, Model model) {
		var organisation = organisations.require(new OrganisationId(orgId), user.id(), Role.COORDINATOR);
		if (result.hasErrors()) {
			model.addAttribute("organisation", organisation);
			return "programme/new";
		}
		var id = programmes.create(organisation.id(), form.texts(), form.groupLanguages(),
				form.settings(organisation.zone()), user.id());
		return "redirect:/programmes/" + id.value() + "/manage";
	}

	@GetMapping("/programmes/{id}/manage")
	String manage(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var programme = programmes.forStaff(new ProgrammeId(id), user.id());
		model.addAttribute("programme", programme);
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		model.addAttribute("canEdit",
				organisations.rolesOf(programme.organisation(), user.id()).contains(Role.COORDINATOR));
		return "programme/manage";
	}

	@GetMapping("/programmes/{id}/edit")
	String editForm(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var programme = programmes.forStaff(new ProgrammeId(id), user.id());
		organisations.require(programme.organisation(), user.id(), Role.COORDINATOR);
		model.addAttribute("programme", programme);
		model.addAttribute("form", ProgrammeForm.of(programme));
		return "programme/edit";
	}

	@PostMapping("/programmes/{id}/edit")
	String edit(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") ProgrammeForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var programme = programmes.forStaff(new ProgrammeId(id), user.id());
		organisations.require(programme.organisation(), user.id(), Role.COORDINATOR);
		if (result.hasErrors()) {
			model.addAttribute("programme", programme);
			return "programme/edit";
		}
		programmes.update(programme.id(), form.texts(), form.groupLanguages(), form.settings(programme.zone()),
				user.id());
		redirect.addFlashAttribute("notice", "programme.saved");
		return "redirect:/programmes/" + id + "/manage";
	}

	@PostMapping("/programmes/{id}/publish")
	String publish(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		programmes.publish(new ProgrammeId(id), user.id());
		redirect.addFlashAttribute("notice", "programme.published");
		return "redirect:/programmes/" + id + "/manage";
	}

	@PostMapping("/programmes/{id}/unpublish")
	String unpublish(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		programmes.unpublish(new ProgrammeId(id), user.id());
		redirect.addFlashAttribute("notice", "programme.unpublished");
		return "redirect:/programmes/" + id + "/manage";
	}

	@PostMapping("/programmes/{id}/archive")
	String archive(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		programmes.archive(new ProgrammeId(id), user.id());
		redirect.addFlashAttribute("notice", "programme.archived");
		return "redirect:/programmes/" + id + "/manage";
	}

	@PostMapping("/programmes/{id}/copy")
	String copy(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		var copy = programmes.copyForNextTerm(new ProgrammeId(id), user.id());
		redirect.addFlashAttribute("notice", "programme.copied");
		return "redirect:/programmes/" + copy.value() + "/edit";
	}

}
