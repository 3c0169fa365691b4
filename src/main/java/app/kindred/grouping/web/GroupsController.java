package app.kindred.grouping.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.grouping.PublishedGroups;
import app.kindred.grouping.internal.FormationService;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.Call;

/**
 * Coordinators form groups: start the solver, watch its progress (the page asks for it
 * every second through htmx, and works without script by reloading), stop it, and read
 * the proposal with the reasons for anyone left out.
 */
@Controller
class GroupsController {

	private final FormationService formations;

	private final PublishedGroups published;

	private final ProgrammeAccess access;

	private final GroupsPage page;

	GroupsController(FormationService formations, PublishedGroups published, ProgrammeAccess access, GroupsPage page) {
		this.formations = formations;
		this.published = published;
		this.access = access;
		this.page = page;
	}

	@GetMapping("/programmes/{id}/groups")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return page.render(id, user, model);
	}

	/** The progress part of the page alone, for htmx to swap in. */
	@GetMapping("/programmes/{id}/groups/progress")
	String progress(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response) {
		// Asked every second while a run goes on: the access check and the run, not the
		// whole overview
		var programme = access.coordinated(id, user.id());
		var progress = formations.progress(programme.id());
		model.addAttribute("programme", programme);
		model.addAttribute("progress", progress.orElse(null));
		if (progress.isEmpty()) {
			// Finished: htmx reloads the whole page to show the proposal
			response.setHeader("HX-Refresh", "true");
		}
		return "grouping/groups :: progress";
	}

	@PostMapping("/programmes/{id}/groups/run")
	String run(@PathVariable ProgrammeId id, @ModelAttribute("run") RunForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		access.coordinated(id, user.id());
		int limit = form.check(result);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page.render(id, user, model);
		}
		try {
			formations.start(id, Duration.ofSeconds(limit), user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return page.render(id, user, model);
		}
		redirect.addFlashAttribute("notice", "grouping.started");
		return "redirect:/programmes/" + id + "/groups";
	}

	/**
	 * Publishes the proposal and tells everyone, once confirmed on a page that says how
	 * many people will be told; refused (409, nothing changes) while it breaks a hard
	 * rule, and the page then names who breaks which.
	 */
	@PostMapping("/programmes/{id}/groups/publish")
	String publish(@PathVariable ProgrammeId id, @RequestParam(defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			if (!confirmed) {
				// Publishing e-mails everyone and cannot be undone: asked first, saying
				// how many
				model.addAttribute("told", published.toBeTold(id, user.id()));
				model.addAttribute("programme", access.coordinated(id, user.id()));
				model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
				return "grouping/publish";
			}
			published.publish(id, user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, null, model, response);
			return page.render(id, user, model);
		}
		redirect.addFlashAttribute("notice", "grouping.published");
		return "redirect:/programmes/" + id + "/groups";
	}

	/** A member's own group: when, in which language, where, and with whom. */
	@GetMapping("/programmes/{id}/my-group")
	String mine(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var group = published.mine(id, user.id());
		model.addAttribute("group", group);
		model.addAttribute("programme", group.programme());
		model.addAttribute("slot", Call.Slot.ofKey(group.slot()).orElse(null));
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "grouping/mine";
	}

	@PostMapping("/programmes/{id}/groups/stop")
	String stop(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		formations.stop(id, user.id());
		redirect.addFlashAttribute("notice", "grouping.stopped");
		return "redirect:/programmes/" + id + "/groups";
	}

}
