package app.kindred.programme.web;

import java.util.UUID;

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
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.programme.PlanRefused;
import app.kindred.programme.PlanStatus;
import app.kindred.programme.PlanVersionId;
import app.kindred.programme.SessionPlanId;
import app.kindred.programme.SessionPlans;

/**
 * An organisation's library of session plans: the ones Kindred ships and its own. Staff
 * read them; coordinators copy a plan, edit its meetings in every language and publish
 * versions.
 */
@Controller
class SessionPlanController {

	private final SessionPlans plans;

	private final Organisations organisations;

	SessionPlanController(SessionPlans plans, Organisations organisations) {
		this.plans = plans;
		this.organisations = organisations;
	}

	@ModelAttribute("allLanguages")
	Language[] languages() {
		return Language.values();
	}

	@GetMapping("/organisations/{orgId}/plans")
	String library(@PathVariable UUID orgId, @AuthenticationPrincipal CurrentUser user, Model model) {
		var organisation = new OrganisationId(orgId);
		model.addAttribute("organisation", organisations.require(organisation, user.id()));
		model.addAttribute("plans", plans.library(organisation, user.id()));
		model.addAttribute("isCoordinator", isCoordinator(organisation, user));
		model.addAttribute("language", uiLanguage());
		return "programme/plans/library";
	}

	@PostMapping("/organisations/{orgId}/plans/copy")
	String copy(@PathVariable UUID orgId, @RequestParam(required = false) UUID version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		var organisation = new OrganisationId(orgId);
		organisations.require(organisation, user.id(), Role.COORDINATOR);
		if (version == null) {
			throw new NotFoundException("version");
		}
		var plan = plans.copy(organisation, new PlanVersionId(version), user.id());
		redirect.addFlashAttribute("notice", "plans.copied");
		return "redirect:/organisations/" + orgId + "/plans/" + plan.value();
	}

	@GetMapping("/organisations/{orgId}/plans/{planId}")
	String plan(@PathVariable UUID orgId, @PathVariable UUID planId, @RequestParam(required = false) UUID version,
			@RequestParam(name = "in", required = false) String in, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		var organisation = new OrganisationId(orgId);
		var plan = plans.plan(organisation, new SessionPlanId(planId), user.id());
		var shown = version == null ? plans.working(organisation, plan.id(), user.id())
				: plans.version(organisation, new PlanVersionId(version), user.id());
		if (!shown.plan().equals(plan.id())) {
			throw new NotFoundException("version");
		}
		boolean coordinator = isCoordinator(organisation, user);
		model.addAttribute("organisation", organisations.require(organisation, user.id()));
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
	String meeting(@PathVariable UUID orgId, @PathVariable UUID planId, @PathVariable int number,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var meeting = plans.meetingToEdit(new OrganisationId(orgId), new SessionPlanId(planId), number, user.id());
		model.addAttribute("form", MeetingForm.of(meeting));
		return renderMeeting(orgId, planId, number, user, model);
	}

	@PostMapping("/organisations/{orgId}/plans/{planId}/meetings/{number}")
	String saveMeeting(@PathVariable UUID orgId, @PathVariable UUID planId, @PathVariable int number,
			@ModelAttribute("form") MeetingForm form, BindingResult result, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var organisation = new OrganisationId(orgId);
		var plan = new SessionPlanId(planId);
		plans.meetingToEdit(organisation, plan, number, user.id());
		var texts = form.check(result);
		if (texts.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return renderMeeting(orgId, planId, number, user, model);
		}
		plans.editMeeting(organisation, plan, number, texts.get(), user.id());
		redirect.addFlashAttribute("notice", "plans.saved");
		return "redirect:/organisations/" + orgId + "/plans/" + planId;
	}

	@PostMapping("/organisations/{orgId}/plans/{planId}/publish")
	String publish(@PathVariable UUID orgId, @PathVariable UUID planId, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			plans.publish(new OrganisationId(orgId), new SessionPlanId(planId), user.id());
		}
		catch (PlanRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", "plans.refused." + refused.reason());
			return plan(orgId, planId, null, null, user, model);
		}
		redirect.addFlashAttribute("notice", "plans.publishedNotice");
		return "redirect:/organisations/" + orgId + "/plans/" + planId;
	}

	private String renderMeeting(UUID orgId, UUID planId, int number, CurrentUser user, Model model) {
		var organisation = new OrganisationId(orgId);
		var plan = plans.plan(organisation, new SessionPlanId(planId), user.id());
		model.addAttribute("organisation", organisations.require(organisation, user.id()));
		model.addAttribute("plan", plan);
		model.addAttribute("number", number);
		model.addAttribute("totals", ((MeetingForm) model.getAttribute("form")).totals());
		model.addAttribute("language", uiLanguage());
		return "programme/plans/meeting";
	}

	private boolean isCoordinator(OrganisationId organisation, CurrentUser user) {
		return organisations.rolesOf(organisation, user.id()).contains(Role.COORDINATOR);
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
