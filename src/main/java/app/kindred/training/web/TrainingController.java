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
import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;
import app.kindred.training.SessionKind;
import app.kindred.training.Training;
import app.kindred.training.TrainingRefused;

/**
 * Coordinators schedule trainings and supervision, record who came, and decide who is
 * ready to lead a group.
 */
@Controller
class TrainingController {

	private final Training training;

	TrainingController(Training training) {
		this.training = training;
	}

	@GetMapping("/programmes/{id}/training")
	String page(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("newSession", SessionForm.blank());
		return render(id, user, model);
	}

	@PostMapping("/programmes/{id}/training/sessions")
	String schedule(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("newSession") SessionForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var programme = training.coordinated(new ProgrammeId(id), user.id());
		var checked = form.check(programme.zone(), result);
		if (checked.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(id, user, model);
		}
		var c = checked.get();
		training.schedule(programme.id(), c.kind(), c.startsAt(), c.minutes(), form.place(), form.videoLink(),
				user.id());
		redirect.addFlashAttribute("notice", "training.scheduled");
		return "redirect:/programmes/" + id + "/training";
	}

	@PostMapping("/programmes/{id}/training/sessions/{session}/cancel")
	String cancel(@PathVariable UUID id, @PathVariable UUID session, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		training.cancel(new ProgrammeId(id), session, user.id());
		redirect.addFlashAttribute("notice", "training.cancelled");
		return "redirect:/programmes/" + id + "/training";
	}

	@GetMapping("/programmes/{id}/training/sessions/{session}")
	String roll(@PathVariable UUID id, @PathVariable UUID session, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		var programme = training.coordinated(new ProgrammeId(id), user.id());
		model.addAttribute("programme", programme);
		model.addAttribute("roll", training.roll(programme.id(), session, user.id()));
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "training/session";
	}

	/**
	 * Who came: every ticked mentor; the others did not. A cancelled session answers 409
	 * and nothing changes.
	 */
	@PostMapping("/programmes/{id}/training/sessions/{session}/attendance")
	String attendance(@PathVariable UUID id, @PathVariable UUID session,
			@RequestParam(name = "came", required = false) List<UUID> came, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var mentors = new HashSet<AccountId>();
		(came == null ? List.<UUID>of() : came).forEach(m -> mentors.add(new AccountId(m)));
		try {
			training.recordAttendance(new ProgrammeId(id), session, mentors, user.id());
		}
		catch (TrainingRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", "training.refused." + refused.reason());
			return roll(id, session, user, model);
		}
		redirect.addFlashAttribute("notice", "training.attendanceSaved");
		return "redirect:/programmes/" + id + "/training";
	}

	@PostMapping("/programmes/{id}/training/rule")
	String rule(@PathVariable UUID id, @ModelAttribute("rule") RuleForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		training.coordinated(new ProgrammeId(id), user.id());
		int value = form.check(result);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("newSession", SessionForm.blank());
			return render(id, user, model);
		}
		training.changeRequiredTrainings(new ProgrammeId(id), value, user.id());
		redirect.addFlashAttribute("notice", "training.ruleSaved");
		return "redirect:/programmes/" + id + "/training";
	}

	/**
	 * Ready or not ready by the coordinator's word, with a reason; "rule" goes back to
	 * attendance. A missing or unfit reason comes back at the reason field of that
	 * mentor's row.
	 */
	@PostMapping("/programmes/{id}/training/readiness/{mentor}")
	String override(@PathVariable UUID id, @PathVariable UUID mentor, @ModelAttribute("override") OverrideForm form,
			BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		training.coordinated(new ProgrammeId(id), user.id());
		Boolean ready = switch (result.hasFieldErrors("decision") || form.decision() == null ? "" : form.decision()) {
			case "READY" -> true;
			case "NOT_READY" -> false;
			case "RULE" -> null;
			default -> throw new NotFoundException("decision");
		};
		if (!form.check(ready != null, result)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("overrideFor", mentor);
			model.addAttribute("newSession", SessionForm.blank());
			return render(id, user, model);
		}
		training.override(new ProgrammeId(id), new AccountId(mentor), ready, ready == null ? "" : form.reason(),
				user.id());
		redirect.addFlashAttribute("notice", "training.overrideSaved");
		return "redirect:/programmes/" + id + "/training";
	}

	private String render(UUID id, CurrentUser user, Model model) {
		var programme = training.coordinated(new ProgrammeId(id), user.id());
		model.addAttribute("programme", programme);
		model.addAttribute("sessions", training.sessions(programme.id(), user.id()));
		model.addAttribute("readiness", training.readiness(programme.id(), user.id()));
		var required = training.requiredTrainings(programme.id(), user.id());
		model.addAttribute("required", required);
		if (!model.containsAttribute("rule")) {
			model.addAttribute("rule", new RuleForm(String.valueOf(required)));
		}
		model.addAttribute("kinds", SessionKind.values());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "training/sessions";
	}

}
