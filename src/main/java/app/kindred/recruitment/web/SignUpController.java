package app.kindred.recruitment.web;

import java.util.Arrays;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.Recruitment;
import app.kindred.recruitment.RecruitmentClosed;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;

/** Signing up as mentor or participant, seeing where one stands, and stepping back. */
@Controller
class SignUpController {

	private final Recruitment recruitment;

	SignUpController(Recruitment recruitment) {
		this.recruitment = recruitment;
	}

	@GetMapping("/programmes/{id}/sign-up/{role}")
	String form(@PathVariable UUID id, @PathVariable String role, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response) {
		var programme = recruitment.programme(new ProgrammeId(id));
		var as = role(role);
		if (recruitment.find(programme.id(), as, user.id()).isPresent()) {
			return "redirect:/programmes/" + id + "/applications/" + as.path();
		}
		model.addAttribute("form", SignUpForm.blank(programme.groupLanguages(), deliveries(programme)));
		return page(programme, as, user, model, response);
	}

	@PostMapping("/programmes/{id}/sign-up/{role}")
	String signUp(@PathVariable UUID id, @PathVariable String role, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") SignUpForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var programme = recruitment.programme(new ProgrammeId(id));
		var as = role(role);
		check(form, programme, as, result);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(programme, as, user, model, response);
		}
		try {
			recruitment.signUp(programme, as, user.id(), form.answers());
		}
		catch (RecruitmentClosed closed) {
			return page(programme, as, user, model, response);
		}
		redirect.addFlashAttribute("justSignedUp", true);
		return "redirect:/programmes/" + id + "/applications/" + as.path();
	}

	@GetMapping("/programmes/{id}/applications/{role}")
	String status(@PathVariable UUID id, @PathVariable String role, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		var programme = recruitment.programme(new ProgrammeId(id));
		var as = role(role);
		model.addAttribute("programme", programme);
		model.addAttribute("role", as);
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		// Not "application": Thymeleaf reserves that name for the servlet context's attributes.
		model.addAttribute("mine", recruitment.find(programme.id(), as, user.id())
			.orElseThrow(() -> new NotFoundException("application")));
		return "recruitment/status";
	}

	@PostMapping("/programmes/{id}/applications/{role}/withdraw")
	String withdraw(@PathVariable UUID id, @PathVariable String role, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		var as = role(role);
		recruitment.withdraw(new ProgrammeId(id), as, user.id());
		redirect.addFlashAttribute("notice", "signUp.withdrawn");
		return "redirect:/programmes/" + id + "/applications/" + as.path();
	}

	/** The form, or why it is closed (answered 409, and nothing is stored). */
	private String page(ProgrammeView programme, RecruitmentRole role, CurrentUser user, Model model,
			HttpServletResponse response) {
		var refusal = recruitment.refusal(programme, role, user.id());
		refusal.ifPresent(r -> {
			model.addAttribute("refusal", r);
			response.setStatus(HttpStatus.CONFLICT.value());
		});
		model.addAttribute("programme", programme);
		model.addAttribute("role", role);
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		model.addAttribute("deliveries", deliveries(programme));
		return "recruitment/sign-up";
	}

	/** Choices must be among those the programme offers; mentors say why they want to mentor. */
	private static void check(SignUpForm form, ProgrammeView programme, RecruitmentRole role, BindingResult result) {
		if (!result.hasFieldErrors("languages") && !programme.groupLanguages().containsAll(form.languages())) {
			result.rejectValue("languages", "signUp.unknownChoice");
		}
		if (!result.hasFieldErrors("delivery") && form.delivery() != null
				&& !Arrays.asList(deliveries(programme)).contains(form.delivery())) {
			result.rejectValue("delivery", "signUp.unknownChoice");
		}
		if (role == RecruitmentRole.MENTOR && (form.motivation() == null || form.motivation().isBlank())) {
			result.rejectValue("motivation", "NotBlank");
		}
		if (programme.settings().eligibilityKind() == EligibilityKind.SELF_DECLARED
				&& !Boolean.TRUE.equals(form.declaredEligible())) {
			result.rejectValue("declaredEligible", "signUp.declarationRequired");
		}
	}

	private static SignUpAnswers.Delivery[] deliveries(ProgrammeView programme) {
		var s = programme.settings();
		if (s.remote() && s.onCampus()) {
			return SignUpAnswers.Delivery.values();
		}
		return new SignUpAnswers.Delivery[] { s.remote() ? SignUpAnswers.Delivery.REMOTE : SignUpAnswers.Delivery.CAMPUS };
	}

	private static RecruitmentRole role(String path) {
		return RecruitmentRole.fromPath(path);
	}
}
