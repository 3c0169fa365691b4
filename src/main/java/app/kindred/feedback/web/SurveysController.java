package app.kindred.feedback.web;

import java.util.HashMap;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

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
import app.kindred.core.web.Dates;
import app.kindred.core.web.Refusals;
import app.kindred.feedback.internal.Moment;
import app.kindred.feedback.internal.SurveyService;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;

/**
 * The coordinators' survey schedule of a programme: the surveys with their windows and
 * how many answered, the usual set in one step, one more survey from the library, a
 * survey's window moved, a survey nobody answered removed. Invitations go out by
 * themselves when a survey opens. A refused form comes back on the page at its field
 * (422).
 */
@Controller
class SurveysController {

	private final SurveyService surveys;

	private final ProgrammeAccess access;

	SurveysController(SurveyService surveys, ProgrammeAccess access) {
		this.surveys = surveys;
		this.access = access;
	}

	@GetMapping("/programmes/{id}/surveys")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return render(id, user, model);
	}

	@PostMapping("/programmes/{id}/surveys/usual")
	String usual(@PathVariable ProgrammeId id, @RequestParam(defaultValue = "false") boolean afterThird,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		int added = surveys.scheduleUsual(id, afterThird, user.id());
		redirect.addFlashAttribute("notice",
				added > 0 ? "feedback.schedule.usual.done" : "feedback.schedule.usual.none");
		return "redirect:/programmes/" + id + "/surveys";
	}

	@PostMapping("/programmes/{id}/surveys")
	String add(@PathVariable ProgrammeId id, @Valid @ModelAttribute("scheduleForm") ScheduleForm form,
			BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var programme = access.coordinated(id, user.id());
		var checked = form.check(programme.zone(), result);
		if (checked.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(id, user, model);
		}
		try {
			var c = checked.get();
			surveys.add(id, c.form(), c.moment(), c.opens(), c.closes(), user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return render(id, user, model);
		}
		redirect.addFlashAttribute("notice", "feedback.schedule.add.done");
		return "redirect:/programmes/" + id + "/surveys";
	}

	@PostMapping("/programmes/{id}/surveys/{survey}/window")
	String window(@PathVariable ProgrammeId id, @PathVariable UUID survey,
			@Valid @ModelAttribute("windowForm") WindowForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var programme = access.coordinated(id, user.id());
		surveys.survey(id, survey, user.id());
		model.addAttribute("windowFor", survey);
		var checked = form.check(programme.zone(), result);
		if (checked.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(id, user, model);
		}
		try {
			surveys.changeWindow(id, survey, checked.get().opens(), checked.get().closes(), user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return render(id, user, model);
		}
		redirect.addFlashAttribute("notice", "feedback.schedule.window.done");
		return "redirect:/programmes/" + id + "/surveys";
	}

	@PostMapping("/programmes/{id}/surveys/{survey}/remove")
	String remove(@PathVariable ProgrammeId id, @PathVariable UUID survey, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		surveys.remove(id, survey, user.id());
		redirect.addFlashAttribute("notice", "feedback.schedule.remove.done");
		return "redirect:/programmes/" + id + "/surveys";
	}

	private String render(ProgrammeId id, CurrentUser user, Model model) {
		var language = Language.of(LocaleContextHolder.getLocale());
		var overview = surveys.overview(id, user.id(), language);
		model.addAttribute("overview", overview);
		model.addAttribute("programme", overview.programme());
		model.addAttribute("language", language);
		model.addAttribute("moments", Moment.values());
		var zone = overview.programme().zone();
		var inputs = new HashMap<UUID, WindowForm>();
		overview.surveys()
			.forEach(row -> inputs.put(row.survey().id(), new WindowForm(Dates.inputValue(row.survey().opensAt(), zone),
					Dates.inputValue(row.survey().closesAt(), zone))));
		model.addAttribute("inputs", inputs);
		if (!model.containsAttribute("scheduleForm")) {
			model.addAttribute("scheduleForm", ScheduleForm.empty());
		}
		if (!model.containsAttribute("windowForm")) {
			model.addAttribute("windowForm", WindowForm.empty());
		}
		return "feedback/surveys";
	}

}
