package app.kindred.recruitment.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
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
import app.kindred.core.Refused;
import app.kindred.core.web.PublicRoutes;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.ApplicationWithdrawn;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;

/**
 * Signing up as mentor or participant, seeing where one stands, changing one's answers
 * and stepping back.
 *
 * <p>
 * Anyone may open and fill in the form. Someone not signed in who sends it finds their
 * answers kept in their session while they sign in or register, and lands back on the
 * form with everything as they typed it.
 */
@Controller
class SignUpController {

	private final RecruitmentService recruitment;

	private final CallService calls;

	/**
	 * The same session-held request cache the sign-in uses to send people back where they
	 * were going.
	 */
	private final RequestCache returnAfterSignIn = new HttpSessionRequestCache();

	private final ProgrammeAccess access;

	SignUpController(RecruitmentService recruitment, CallService calls, ProgrammeAccess access) {
		this.recruitment = recruitment;
		this.calls = calls;
		this.access = access;
	}

	@GetMapping("/programmes/{id}/sign-up/{role}")
	String form(@PathVariable ProgrammeId id, @PathVariable String role, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpSession session, HttpServletResponse response) {
		var programme = recruitment.programme(id);
		var as = RecruitmentRole.fromPath(role);
		// One who withdrew may sign up again; anyone else sees the application they have
		if (user != null && recruitment.find(programme.id(), as, user.id())
			.filter(a -> a.state() != ApplicationState.WITHDRAWN)
			.isPresent()) {
			return "redirect:/programmes/" + id + "/applications/" + as.path();
		}
		var draft = (SignUpForm) session.getAttribute(draftKey(programme.id(), as));
		if (draft != null && user != null) {
			session.removeAttribute(draftKey(programme.id(), as));
			model.addAttribute("notice", "signUp.draftRestored");
		}
		model.addAttribute("form", draft != null ? draft : SignUpForm.blank(programme));
		return page(programme, as, user, model, response);
	}

	/**
	 * The form as applicants see it, for the programme's coordinators whether the call is
	 * open or not: the applicants' route would show a closed call as closed. Nothing can
	 * be sent from it.
	 */
	@GetMapping("/programmes/{id}/calls/{role}/preview")
	String preview(@PathVariable ProgrammeId id, @PathVariable String role, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response) {
		var as = RecruitmentRole.fromPath(role);
		// Published or not, since a call is best looked over before it is published;
		// other staff 403, anyone else 404
		var programme = access.coordinated(id, user.id());
		model.addAttribute("preview", true);
		model.addAttribute("refusal", null);
		model.addAttribute("form", SignUpForm.blank(programme));
		return page(programme, as, user, model, response);
	}

	@PostMapping("/programmes/{id}/sign-up/{role}")
	String signUp(@PathVariable ProgrammeId id, @PathVariable String role, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") SignUpForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		var programme = recruitment.programme(id);
		var as = RecruitmentRole.fromPath(role);
		var call = calls.call(programme, as);
		if (!form.check(programme, call, as, result)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(programme, as, user, model, response);
		}
		if (user == null) {
			// Keep what was typed, and come back to this form (as a GET) once signed in.
			request.getSession().setAttribute(draftKey(programme.id(), as), form);
			returnAfterSignIn.saveRequest(new FormPage(request), response);
			redirect.addFlashAttribute("notice", "signUp.signInToSend");
			return "redirect:/sign-in";
		}
		try {
			recruitment.signUp(programme, as, user.id(), form.answers(call));
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return page(programme, as, user, model, response);
		}
		redirect.addFlashAttribute("justSignedUp", true);
		return "redirect:/programmes/" + id + "/applications/" + as.path();
	}

	@GetMapping("/programmes/{id}/applications/{role}")
	String status(@PathVariable ProgrammeId id, @PathVariable String role, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		var programme = recruitment.programme(id);
		var as = RecruitmentRole.fromPath(role);
		// Not "application": Thymeleaf reserves that name for the servlet context's
		// attributes.
		var mine = recruitment.find(programme.id(), as, user.id())
			.orElseThrow(() -> new NotFoundException("application"));
		model.addAttribute("mine", mine);
		model.addAttribute("answers", recruitment.answers(programme.id(), as, user.id()).orElseThrow());
		model.addAttribute("call", calls.call(programme, as));
		model.addAttribute("changeable", mine.state().live() && (recruitment.refusal(programme, as, user.id()).isEmpty()
				|| recruitment.lateChange(programme, as, user.id())));
		model.addAttribute("again", mine.state() == ApplicationState.WITHDRAWN
				&& recruitment.signUpRefusal(programme, as, user.id()).isEmpty());
		common(programme, as, model);
		return "recruitment/status";
	}

	@GetMapping("/programmes/{id}/applications/{role}/answers")
	String answers(@PathVariable ProgrammeId id, @PathVariable String role, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response) {
		var programme = recruitment.programme(id);
		var as = RecruitmentRole.fromPath(role);
		var answers = recruitment.answers(programme.id(), as, user.id())
			.orElseThrow(() -> new NotFoundException("application"));
		model.addAttribute("form", SignUpForm.of(answers));
		model.addAttribute("changing", true);
		late(programme, as, user, model);
		return page(programme, as, user, model, response);
	}

	@PostMapping("/programmes/{id}/applications/{role}/answers")
	String changeAnswers(@PathVariable ProgrammeId id, @PathVariable String role,
			@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") SignUpForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var programme = recruitment.programme(id);
		var as = RecruitmentRole.fromPath(role);
		recruitment.find(programme.id(), as, user.id()).orElseThrow(() -> new NotFoundException("application"));
		var call = calls.call(programme, as);
		model.addAttribute("changing", true);
		if (late(programme, as, user, model)) {
			// Only logistics are on the form now; the rest is checked as it was sent
			form.keepFixed(SignUpForm.of(recruitment.answers(programme.id(), as, user.id()).orElseThrow()));
		}
		if (!form.check(programme, call, as, result)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(programme, as, user, model, response);
		}
		try {
			recruitment.changeAnswers(programme, as, user.id(), form.answers(call));
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return page(programme, as, user, model, response);
		}
		redirect.addFlashAttribute("notice", "signUp.answersChanged");
		return "redirect:/programmes/" + id + "/applications/" + as.path();
	}

	/**
	 * Asks before withdrawing, saying what it means for this application: a place is
	 * given up for good, a place in line is lost. Without JavaScript: a page of its own
	 * with the button that withdraws.
	 */
	@GetMapping("/programmes/{id}/applications/{role}/withdraw")
	String confirmWithdrawal(@PathVariable ProgrammeId id, @PathVariable String role,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var programme = recruitment.programme(id);
		var as = RecruitmentRole.fromPath(role);
		var mine = recruitment.find(programme.id(), as, user.id())
			.orElseThrow(() -> new NotFoundException("application"));
		if (!mine.state().live()) {
			return "redirect:/programmes/" + id + "/applications/" + as.path();
		}
		model.addAttribute("mine", mine);
		common(programme, as, model);
		return "recruitment/withdraw";
	}

	/**
	 * Withdraws, and says what happened: the place went to the next person, the place is
	 * free, the place in line or the application is given up. The status page says "You
	 * have withdrawn." itself.
	 */
	@PostMapping("/programmes/{id}/applications/{role}/withdraw")
	String withdraw(@PathVariable ProgrammeId id, @PathVariable String role, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		var as = RecruitmentRole.fromPath(role);
		recruitment.withdraw(id, as, user.id())
			.ifPresent(w -> redirect.addFlashAttribute("notice", "signUp.withdrawn." + withdrawal(w)));
		return "redirect:/programmes/" + id + "/applications/" + as.path();
	}

	/** What a withdrawal did, as the end of its message keys. */
	static String withdrawal(ApplicationWithdrawn withdrawn) {
		return switch (withdrawn.from()) {
			case SEATED -> withdrawn.placePassedOn() ? "passedOn" : "placeFree";
			case WAITING -> "leftWaitingList";
			default -> "applicationWithdrawn";
		};
	}

	/**
	 * After the call closes a mentor with a place may still change where, when and in
	 * which languages they can lead, and whom they would like to co-mentor with, until
	 * the groups are formed: the form then shows just those.
	 */
	private boolean late(ProgrammeView programme, RecruitmentRole role, CurrentUser user, Model model) {
		var late = recruitment.lateChange(programme, role, user.id());
		if (late) {
			model.addAttribute("late", true);
			model.addAttribute("refusal", null);
		}
		return late;
	}

	/** The form, or why it is closed (answered 409, and nothing is stored). */
	private String page(ProgrammeView programme, RecruitmentRole role, CurrentUser user, Model model,
			HttpServletResponse response) {
		var account = user == null ? null : user.id();
		var changing = model.containsAttribute("changing");
		var otherRole = account == null || changing ? Optional.<RecruitmentRole>empty()
				: recruitment.liveRole(programme.id(), account).filter(r -> r != role);
		if (!model.containsAttribute("refusal")) {
			(changing ? recruitment.refusal(programme, role, account)
					: recruitment.signUpRefusal(programme, role, account, otherRole))
				.ifPresent(refused -> Refusals.show(refused, null, model, response));
		}
		// Refused for having the other role: the page links to that application
		otherRole.ifPresent(r -> model.addAttribute("current", r));
		model.addAttribute("call", calls.call(programme, role));
		model.addAttribute("deliveries", SignUpForm.deliveries(programme));
		model.addAttribute("availabilities", Call.Availability.values());
		model.addAttribute("signedIn", user != null);
		common(programme, role, model);
		return "recruitment/sign-up";
	}

	private static void common(ProgrammeView programme, RecruitmentRole role, Model model) {
		model.addAttribute("programme", programme);
		model.addAttribute("role", role);
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
	}

	private static String draftKey(ProgrammeId programme, RecruitmentRole role) {
		return "kindred.signUpDraft." + programme.value() + "." + role.path();
	}

	/**
	 * The form's page, as the request to return to after signing in: a GET without
	 * parameters. Saving the POST itself would make Spring Security replay it, sending
	 * the form before the person has seen it again.
	 */
	private static final class FormPage extends HttpServletRequestWrapper {

		FormPage(HttpServletRequest post) {
			super(post);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getQueryString() {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Routes {

		/**
		 * The form is open to everyone; sending it asks for an account (the controller
		 * sees to that).
		 */
		@Bean
		PublicRoutes signUpRoutes() {
			return () -> List.of("/programmes/*/sign-up/*");
		}

	}

}
