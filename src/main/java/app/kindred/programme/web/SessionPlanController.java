package app.kindred.programme.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
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
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.internal.PlanLibraryService;
import app.kindred.programme.internal.PlanStatus;
import app.kindred.programme.internal.PlanVersionId;
import app.kindred.programme.internal.SessionPlanId;

/**
 * An organisation's library of session plans: the ones Kindred ships and its own. Staff
 * read them; coordinators copy a plan, edit its meetings in every language and publish
 * versions.
 */
@Controller
class SessionPlanController {

	private final PlanLibraryService plans;

	private final Organisations organisations;

	private final ProgrammeAccess access;

	SessionPlanController(PlanLibraryService plans, Organisations organisations, ProgrammeAccess access) {
		this.plans = plans;
		this.organisations = organisations;
		this.access = access;
	}

	@ModelAttribute("allLanguages")
	Language[] languages() {
		return Language.values();
	}

	@GetMapping("/organisations/{orgId}/plans")
	String library(@PathVariable OrganisationId orgId, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("organisation", organisations.require(orgId, user.id()));
		model.addAttribute("plans", plans.library(orgId, user.id()));
		model.addAttribute("isCoordinator", access.coordinates(orgId, user.id()));
		model.addAttribute("language", uiLanguage());
		return "programme/plans/library";
	}

	@PostMapping("/organisations/{orgId}/plans/copy")
	String copy(@PathVariable OrganisationId orgId, @RequestParam(required = false) PlanVersionId version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		organisations.require(orgId, user.id(), Role.COORDINATOR);
		if (version == null) {
			throw new NotFoundException("version");
		}
		var plan = plans.copy(orgId, version, user.id());
		redirect.addFlashAttribute("notice", "plans.copied");
		return "redirect:/organisations/" + orgId + "/plans/" + plan;
	}

	@GetMapping("/organisations/{orgId}/plans/{planId}")
	String plan(@PathVariable OrganisationId orgId, @PathVariable SessionPlanId planId,
			@RequestParam(required = false) PlanVersionId version,
			@RequestParam(name = "in", required = false) String in, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		var plan = plans.plan(orgId, planId, user.id());
		var shown = version == null ? plans.working(orgId, plan.id(), user.id())
				: plans.version(orgId, version, user.id());
		if (!shown.plan().equals(plan.id())) {
			throw new NotFoundException("version");
		}
		boolean coordinator = access.coordinates(orgId, user.id());
		model.addAttribute("organisation", organisations.require(orgId, user.id()));
		model.addAttribute("plan", plan);
		model.addAttribute("shown", shown);
		model.addAttribute("isCoordinator", coordinator);
		model.addAttribute("canEdit", coordinator && !plan.shipped());
		// Meetings are edited in the draft, or in the newest version when there is none
		// (which starts a draft)
		model.addAttribute("editable", coordinator && !plan.shipped() && (shown.status() == PlanStatus.DRAFT
				|| plan.draft().isEmpty() && plan.current().map(c -> c.id().equals(shown.id())).orElse(false)));
		model.addAttribute("language", uiLanguage());
		model.addAttribute("textLinks", TextLanguageLinks
			.of("/organisations/" + orgId + "/plans/" + planId + (version == null ? "" : "?version=" + version)));
		model.addAttribute("textLanguage", Language.fromCode(in).orElse(uiLanguage()));
		return "programme/plans/plan";
	}

	@GetMapping("/organisations/{orgId}/plans/{planId}/meetings/{number}")
	String meeting(@PathVariable OrganisationId orgId, @PathVariable SessionPlanId planId, @PathVariable int number,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var meeting = plans.meetingToEdit(orgId, planId, number, user.id());
		model.addAttribute("form", MeetingForm.of(meeting));
		return renderMeeting(orgId, planId, number, user, model);
	}

	@PostMapping("/organisations/{orgId}/plans/{planId}/meetings/{number}")
	String saveMeeting(@PathVariable OrganisationId orgId, @PathVariable SessionPlanId planId, @PathVariable int number,
			@ModelAttribute("form") MeetingForm form, BindingResult result, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		plans.meetingToEdit(orgId, planId, number, user.id());
		var texts = form.check(result);
		if (texts.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return renderMeeting(orgId, planId, number, user, model);
		}
		plans.editMeeting(orgId, planId, number, texts.get(), user.id());
		redirect.addFlashAttribute("notice", "plans.saved");
		return "redirect:/organisations/" + orgId + "/plans/" + planId;
	}

	@PostMapping("/organisations/{orgId}/plans/{planId}/publish")
	String publish(@PathVariable OrganisationId orgId, @PathVariable SessionPlanId planId,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			plans.publish(orgId, planId, user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, null, model, response);
			return plan(orgId, planId, null, null, user, model);
		}
		redirect.addFlashAttribute("notice", "plans.publishedNotice");
		return "redirect:/organisations/" + orgId + "/plans/" + planId;
	}

	private String renderMeeting(OrganisationId orgId, SessionPlanId planId, int number, CurrentUser user,
			Model model) {
		var plan = plans.plan(orgId, planId, user.id());
		model.addAttribute("organisation", organisations.require(orgId, user.id()));
		model.addAttribute("plan", plan);
		model.addAttribute("number", number);
		model.addAttribute("totals", ((MeetingForm) model.getAttribute("form")).totals());
		model.addAttribute("language", uiLanguage());
		return "programme/plans/meeting";
	}

	/**
	 * The locale as resolved now, so that the request that switches language already
	 * shows the new one.
	 */
	private static Language uiLanguage() {
		var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		return Language.of(RequestContextUtils.getLocale(request));
	}

}
