package app.kindred.assessment.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.assessment.internal.ReadingListService;
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * The programme's reading list as its coordinators and teachers keep it: add an entry,
 * remove one, move one up or down. Other staff 403, anyone else 404.
 */
@Controller
class ReadingSettingsController {

	private final ReadingListService lists;

	ReadingSettingsController(ReadingListService lists) {
		this.lists = lists;
	}

	@GetMapping("/programmes/{id}/course/settings/reading")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var settings = lists.settings(id, user.id());
		if (!model.containsAttribute("readingForm")) {
			model.addAttribute("readingForm", new ReadingForm(""));
		}
		model.addAttribute("settings", settings);
		model.addAttribute("programme", settings.programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "assessment/reading-settings";
	}

	@PostMapping("/programmes/{id}/course/settings/reading")
	String add(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("readingForm") ReadingForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		lists.settings(id, user.id());
		if (result.hasErrors()) {
			return page(id, user, model);
		}
		try {
			lists.add(id, form.citation(), user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return page(id, user, model);
		}
		redirect.addFlashAttribute("notice", "assessment.reading.settings.added");
		return "redirect:/programmes/" + id + "/course/settings/reading";
	}

	@PostMapping("/programmes/{id}/course/settings/reading/{entry}/remove")
	String remove(@PathVariable ProgrammeId id, @PathVariable UUID entry, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		lists.remove(id, entry, user.id());
		redirect.addFlashAttribute("notice", "assessment.reading.settings.removed");
		return "redirect:/programmes/" + id + "/course/settings/reading";
	}

	/**
	 * Moves an entry one place: {@code direction} up or down; anything else is refused.
	 */
	@PostMapping("/programmes/{id}/course/settings/reading/{entry}/move")
	String move(@PathVariable ProgrammeId id, @PathVariable UUID entry,
			@RequestParam(required = false) String direction, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		int by = "up".equals(direction) ? -1 : "down".equals(direction) ? 1 : 0;
		lists.move(id, entry, by, user.id());
		redirect.addFlashAttribute("notice", "assessment.reading.settings.moved");
		return "redirect:/programmes/" + id + "/course/settings/reading#entry-" + entry;
	}

}
