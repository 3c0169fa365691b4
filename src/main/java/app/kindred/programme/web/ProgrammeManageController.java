package app.kindred.programme.web;

import java.time.Clock;

import jakarta.validation.Valid;

import org.springframework.context.i18n.LocaleContextHolder;
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
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;

/** Coordinators create and run programmes; other staff of the organisation may look. */
@Controller
class ProgrammeManageController {

	private final ProgrammeService programmes;

	private final ProgrammeAccess access;

	private final Organisations organisations;

	private final Clock clock;

	ProgrammeManageController(ProgrammeService programmes, ProgrammeAccess access, Organisations organisations,
			Clock clock) {
		this.programmes = programmes;
		this.access = access;
		this.organisations = organisations;
		this.clock = clock;
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
	String list(@PathVariable OrganisationId orgId, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("organisation", organisations.require(orgId, user.id()));
		model.addAttribute("programmes", programmes.ofOrganisation(orgId, user.id()));
		model.addAttribute("canCreate", access.coordinates(orgId, user.id()));
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "programme/list";
	}

	@GetMapping("/organisations/{orgId}/programmes/new")
	String newForm(@PathVariable OrganisationId orgId, @AuthenticationPrincipal CurrentUser user, Model model) {
		var organisation = organisations.require(orgId, user.id(), Role.COORDINATOR);
		model.addAttribute("organisation", organisation);
		model.addAttribute("form", ProgrammeForm.defaults(Language.of(LocaleContextHolder.getLocale()),
				user.displayName(), user.email(), clock, organisation.zone()));
		return "programme/new";
	}

	@PostMapping("/organisations/{orgId}/programmes")
	String create(@PathVariable OrganisationId orgId, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") ProgrammeForm form, BindingResult result, Model model) {
		var organisation = organisations.require(orgId, user.id(), Role.COORDINATOR);
		form.check(result);
		if (result.hasErrors()) {
			model.addAttribute("organisation", organisation);
			return "programme/new";
		}
		var id = programmes.create(organisation.id(), form.texts(), form.groupLanguages(),
				form.settings(organisation.zone()), user.id());
		return "redirect:/programmes/" + id + "/manage";
	}

	@GetMapping("/programmes/{id}/manage")
	String manage(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var programme = access.staff(id, user.id());
		model.addAttribute("programme", programme);
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		model.addAttribute("canEdit", access.coordinates(programme, user.id()));
		// The credit course's settings are its coordinators' and teachers' to set
		model.addAttribute("courseLink",
				programme.settings().creditCourse() && access.coordinatesOrTeaches(programme, user.id()));
		return "programme/manage";
	}

	@GetMapping("/programmes/{id}/edit")
	String editForm(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var programme = access.coordinated(id, user.id());
		model.addAttribute("programme", programme);
		model.addAttribute("form", ProgrammeForm.of(programme));
		return "programme/edit";
	}

	@PostMapping("/programmes/{id}/edit")
	String edit(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") ProgrammeForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var programme = access.coordinated(id, user.id());
		form.check(result);
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
	String publish(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		programmes.publish(id, user.id());
		redirect.addFlashAttribute("notice", "programme.published");
		return "redirect:/programmes/" + id + "/manage";
	}

	@PostMapping("/programmes/{id}/unpublish")
	String unpublish(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		programmes.unpublish(id, user.id());
		redirect.addFlashAttribute("notice", "programme.unpublished");
		return "redirect:/programmes/" + id + "/manage";
	}

	@PostMapping("/programmes/{id}/archive")
	String archive(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		programmes.archive(id, user.id());
		redirect.addFlashAttribute("notice", "programme.archived");
		return "redirect:/programmes/" + id + "/manage";
	}

	@PostMapping("/programmes/{id}/copy")
	String copy(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		var copy = programmes.copyForNextTerm(id, user.id());
		redirect.addFlashAttribute("notice", "programme.copied");
		return "redirect:/programmes/" + copy + "/edit";
	}

}
