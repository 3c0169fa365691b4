package app.kindred.training.web;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;

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
import app.kindred.core.web.Confirmation;
import app.kindred.core.web.Dates;
import app.kindred.core.web.Refusals;
import app.kindred.identity.AccountId;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.training.SessionKind;
import app.kindred.training.TrainingService;

/**
 * Coordinators schedule trainings and supervision, record who came, and decide who is
 * ready to lead a group. Scheduling or cancelling a session tells every accepted mentor,
 * so it is confirmed first on a page that says how many ({@link Confirmation}); bad input
 * comes back at its field before that.
 */
@Controller
class TrainingController {

	private final TrainingService training;

	private final ProgrammeAccess access;

	private final Dates dates;

	TrainingController(TrainingService training, ProgrammeAccess access, Dates dates) {
		this.training = training;
		this.access = access;
		this.dates = dates;
	}

	@GetMapping("/programmes/{id}/training")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("newSession", SessionForm.blank());
		return render(id, user, model);
	}

	@PostMapping("/programmes/{id}/training/sessions")
	String schedule(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("newSession") SessionForm form, BindingResult result,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var programme = access.coordinated(id, user.id());
		var checked = form.check(programme.zone(), result);
		if (checked.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(id, user, model);
		}
		var c = checked.get();
		int told = confirmed ? 0 : training.toBeToldOfSession(id, user.id());
		if (told > 0) {
			model.addAttribute("programme", programme);
			model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
			return Confirmation.ask("training.confirm.schedule.title", c.kind().ordinal())
				.detail("training.confirm.schedule.detail", dates.dateTime(c.startsAt()), c.minutes(),
						blank(form.place()) ? form.videoLink().strip() : form.place().strip())
				.told(told, "training.confirm.toldMentors")
				.confirm("/programmes/" + id.value() + "/training/sessions", "training.confirm.schedule.button")
				.field("kind", form.kind())
				.field("startsAt", form.startsAt())
				.field("minutes", form.minutes())
				.field("place", form.place())
				.field("videoLink", form.videoLink())
				.back("/programmes/" + id.value() + "/training", "training.confirm.back")
				.show(model);
		}
		training.schedule(id, c.kind(), c.startsAt(), c.minutes(), form.place(), form.videoLink(), user.id());
		redirect.addFlashAttribute("notice", "training.scheduled");
		return "redirect:/programmes/" + id + "/training";
	}

	@PostMapping("/programmes/{id}/training/sessions/{session}/cancel")
	String cancel(@PathVariable ProgrammeId id, @PathVariable UUID session, @AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect) {
		int told = confirmed ? 0 : training.toBeToldOfCancel(id, session, user.id());
		if (told > 0) {
			var current = training.roll(id, session, user.id()).session();
			model.addAttribute("programme", access.coordinated(id, user.id()));
			model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
			return Confirmation.ask("training.confirm.cancel.title", current.kind().ordinal())
				.detail("training.confirm.cancel.detail", dates.dateTime(current.startsAt()))
				.told(told, "training.confirm.toldMentors")
				.confirm("/programmes/" + id.value() + "/training/sessions/" + session + "/cancel",
						"training.confirm.cancel.button")
				.back("/programmes/" + id.value() + "/training", "training.confirm.back")
				.show(model);
		}
		training.cancel(id, session, user.id());
		redirect.addFlashAttribute("notice", "training.cancelled");
		return "redirect:/programmes/" + id + "/training";
	}

	@GetMapping("/programmes/{id}/training/sessions/{session}")
	String roll(@PathVariable ProgrammeId id, @PathVariable UUID session, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		model.addAttribute("programme", access.coordinated(id, user.id()));
		model.addAttribute("roll", training.roll(id, session, user.id()));
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "training/session";
	}

	/**
	 * Who came: every ticked mentor; the others did not. A cancelled session answers 409
	 * and nothing changes.
	 */
	@PostMapping("/programmes/{id}/training/sessions/{session}/attendance")
	String attendance(@PathVariable ProgrammeId id, @PathVariable UUID session,
			@RequestParam(name = "came", required = false) List<AccountId> came,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			training.recordAttendance(id, session, came == null ? new HashSet<>() : new HashSet<>(came), user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, null, model, response);
			return roll(id, session, user, model);
		}
		redirect.addFlashAttribute("notice", "training.attendanceSaved");
		return "redirect:/programmes/" + id + "/training";
	}

	@PostMapping("/programmes/{id}/training/rule")
	String rule(@PathVariable ProgrammeId id, @ModelAttribute("rule") RuleForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		access.coordinated(id, user.id());
		var minimum = form.check(result);
		if (minimum.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("newSession", SessionForm.blank());
			return render(id, user, model);
		}
		training.changeRequiredTrainings(id, minimum.get(), user.id());
		redirect.addFlashAttribute("notice", "training.ruleSaved");
		return "redirect:/programmes/" + id + "/training";
	}

	/**
	 * Ready or not ready by the coordinator's word, with a reason; "rule" goes back to
	 * attendance. A missing or unfit reason comes back at the reason field of that
	 * mentor's row.
	 */
	@PostMapping("/programmes/{id}/training/readiness/{mentor}")
	String override(@PathVariable ProgrammeId id, @PathVariable AccountId mentor,
			@ModelAttribute("override") OverrideForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		access.coordinated(id, user.id());
		var decision = form.check(result);
		if (decision.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("overrideFor", mentor.value());
			model.addAttribute("newSession", SessionForm.blank());
			return render(id, user, model);
		}
		training.override(id, mentor, decision.get().ready(), decision.get().reason(), user.id());
		redirect.addFlashAttribute("notice", "training.overrideSaved");
		return "redirect:/programmes/" + id + "/training";
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private String render(ProgrammeId id, CurrentUser user, Model model) {
		model.addAttribute("programme", access.coordinated(id, user.id()));
		model.addAttribute("sessions", training.sessions(id, user.id()));
		model.addAttribute("readiness", training.readiness(id, user.id()));
		var required = training.requiredTrainings(id, user.id());
		model.addAttribute("required", required);
		if (!model.containsAttribute("rule")) {
			model.addAttribute("rule", new RuleForm(String.valueOf(required)));
		}
		model.addAttribute("kinds", SessionKind.values());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "training/sessions";
	}

}
