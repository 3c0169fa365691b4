package app.kindred.recruitment.web;

import java.time.DayOfWeek;
import java.util.Set;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentRole;

/**
 * Coordinators set up each call: how it decides, which built-in questions it asks, their
 * own questions and consent texts in the programme's languages, and the weekly slots
 * people mark their availability in. Each part has its own small form, so a mistake in
 * one never loses what was typed in another.
 */
@Controller
class CallsController {

	private final CallService calls;

	private final ProgrammeAccess access;

	CallsController(CallService calls, ProgrammeAccess access) {
		this.calls = calls;
		this.access = access;
	}

	@GetMapping("/programmes/{id}/calls/{role}")
	String page(@PathVariable ProgrammeId id, @PathVariable String role, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		var call = calls.forCoordinator(id, RecruitmentRole.fromPath(role), user.id());
		model.addAttribute("rules", RulesForm.of(call));
		model.addAttribute("question", new QuestionForm());
		model.addAttribute("consent", new ConsentForm());
		model.addAttribute("slot", SlotForm.blank());
		return render(id, call, user, model);
	}

	@PostMapping("/programmes/{id}/calls/{role}")
	String changeRules(@PathVariable ProgrammeId id, @PathVariable String role,
			@AuthenticationPrincipal CurrentUser user, @ModelAttribute("rules") RulesForm rules, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var as = RecruitmentRole.fromPath(role);
		if (result.hasErrors()) {
			// A forged checkbox value (not "true" or "false"): the form comes back with
			// the message at the box
			return refused(id, calls.forCoordinator(id, as, user.id()), user, model, response);
		}
		calls.changeRules(id, as, rules.rules(), user.id());
		return saved(id, as, redirect);
	}

	@PostMapping("/programmes/{id}/calls/{role}/questions")
	String addQuestion(@PathVariable ProgrammeId id, @PathVariable String role,
			@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("question") QuestionForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var as = RecruitmentRole.fromPath(role);
		var call = calls.forCoordinator(id, as, user.id());
		var languages = languages(id, user);
		if (!form.check(languages, call, result)) {
			return refused(id, call, user, model, response);
		}
		calls.addQuestion(id, as, form.getKind(), form.isRequired(), form.labels(languages),
				form.optionLists(languages), user.id());
		return saved(id, as, redirect);
	}

	@PostMapping("/programmes/{id}/calls/{role}/questions/{question}/remove")
	String removeQuestion(@PathVariable ProgrammeId id, @PathVariable String role, @PathVariable String question,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		var as = RecruitmentRole.fromPath(role);
		calls.removeQuestion(id, as, question, user.id());
		return saved(id, as, redirect);
	}

	@PostMapping("/programmes/{id}/calls/{role}/consents")
	String addConsent(@PathVariable ProgrammeId id, @PathVariable String role,
			@AuthenticationPrincipal CurrentUser user, @ModelAttribute("consent") ConsentForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var as = RecruitmentRole.fromPath(role);
		var call = calls.forCoordinator(id, as, user.id());
		var languages = languages(id, user);
		if (!form.check(languages, call, result)) {
			return refused(id, call, user, model, response);
		}
		calls.addConsent(id, as, form.texts(languages), user.id());
		return saved(id, as, redirect);
	}

	@PostMapping("/programmes/{id}/calls/{role}/consents/{consent}/remove")
	String removeConsent(@PathVariable ProgrammeId id, @PathVariable String role, @PathVariable String consent,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		var as = RecruitmentRole.fromPath(role);
		calls.removeConsent(id, as, consent, user.id());
		return saved(id, as, redirect);
	}

	@PostMapping("/programmes/{id}/calls/{role}/slots")
	String addSlot(@PathVariable ProgrammeId id, @PathVariable String role, @AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("slot") SlotForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var as = RecruitmentRole.fromPath(role);
		var call = calls.forCoordinator(id, as, user.id());
		var slot = form.check(call, result);
		if (slot.isEmpty()) {
			return refused(id, call, user, model, response);
		}
		calls.addSlot(id, slot.get(), user.id());
		return saved(id, as, redirect);
	}

	@PostMapping("/programmes/{id}/calls/{role}/slots/{slot}/remove")
	String removeSlot(@PathVariable ProgrammeId id, @PathVariable String role, @PathVariable String slot,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		var as = RecruitmentRole.fromPath(role);
		calls.removeSlot(id, slot, user.id());
		return saved(id, as, redirect);
	}

	/**
	 * The page again with the refused form's errors and typed values, and the other forms
	 * as they are stored.
	 */
	private String refused(ProgrammeId id, Call call, CurrentUser user, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		if (!model.containsAttribute("rules")) {
			model.addAttribute("rules", RulesForm.of(call));
		}
		if (!model.containsAttribute("question")) {
			model.addAttribute("question", new QuestionForm());
		}
		if (!model.containsAttribute("consent")) {
			model.addAttribute("consent", new ConsentForm());
		}
		if (!model.containsAttribute("slot")) {
			model.addAttribute("slot", SlotForm.blank());
		}
		return render(id, call, user, model);
	}

	private String render(ProgrammeId id, Call call, CurrentUser user, Model model) {
		var programme = access.coordinated(id, user.id());
		model.addAttribute("programme", programme);
		model.addAttribute("call", call);
		model.addAttribute("role", call.role());
		model.addAttribute("otherRole",
				call.role() == RecruitmentRole.MENTOR ? RecruitmentRole.PARTICIPANT : RecruitmentRole.MENTOR);
		model.addAttribute("textLanguages", programme.texts().keySet().stream().sorted().toList());
		model.addAttribute("kinds", Call.QuestionKind.values());
		model.addAttribute("weekdays", DayOfWeek.values());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "recruitment/call";
	}

	private Set<Language> languages(ProgrammeId id, CurrentUser user) {
		return access.coordinated(id, user.id()).texts().keySet();
	}

	private static String saved(ProgrammeId id, RecruitmentRole role, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", "calls.saved");
		return "redirect:/programmes/" + id + "/calls/" + role.path();
	}

}
