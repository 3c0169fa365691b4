package app.kindred.recruitment.web;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
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

import app.kindred.audit.ReadKind;
import app.kindred.audit.SensitiveReads;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Dates;
import app.kindred.core.web.Refusals;
import app.kindred.core.web.SpreadsheetCsv;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeWindow;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.Decision;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.internal.Applicant;
import app.kindred.recruitment.internal.ApplicationService;

/** Coordinators follow the call for mentors and the sign-up, and export them. */
@Controller
class ApplicationsController {

	private final ApplicationService applications;

	private final CallService calls;

	private final ProgrammeAccess access;

	private final MessageSource messages;

	private final Dates dates;

	private final SensitiveReads reads;

	ApplicationsController(ApplicationService applications, CallService calls, ProgrammeAccess access,
			MessageSource messages, Dates dates, SensitiveReads reads) {
		this.reads = reads;
		this.applications = applications;
		this.calls = calls;
		this.access = access;
		this.messages = messages;
		this.dates = dates;
	}

	@GetMapping("/programmes/{id}/applications")
	String list(@PathVariable ProgrammeId id, @RequestParam(defaultValue = "participant") String role,
			@RequestParam(required = false) String state, @RequestParam(required = false) String language,
			@RequestParam(required = false) String slot, @AuthenticationPrincipal CurrentUser user, Model model) {
		var as = role(role);
		var overview = applications.overview(id, as, state(state), user.id());
		var call = calls.call(overview.programme(), as);
		var inLanguage = Language.fromCode(language == null ? "" : language.toLowerCase(Locale.ROOT));
		var atSlot = call.slots().stream().filter(s -> s.key().equals(slot)).findFirst();
		// Filters narrow the list; unknown values are ignored, like an empty choice
		var shown = overview.applicants()
			.stream()
			.filter(a -> inLanguage.map(l -> List.of(a.languages().split(",")).contains(l.name())).orElse(true))
			.filter(a -> atSlot.map(s -> a.details().availability(s) != Call.Availability.NO).orElse(true))
			.toList();
		// Every application listed is shown with its answers
		reads.recordRead(user.id(), shown.stream().map(Applicant::account).toList(), ReadKind.APPLICATION,
				overview.programme(), as.path());
		model.addAttribute("applicants", shown);
		model.addAttribute("call", call);
		model.addAttribute("filterLanguage", inLanguage.orElse(null));
		model.addAttribute("filterSlot", atSlot.map(Call.Slot::key).orElse(null));
		model.addAttribute("programme", overview.programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		model.addAttribute("role", as);
		model.addAttribute("roles", RecruitmentRole.values());
		model.addAttribute("states", ApplicationState.values());
		model.addAttribute("state", state(state));
		model.addAttribute("counts", overview.counts());
		model.addAttribute("audit", overview.audit());
		var window = as == RecruitmentRole.MENTOR ? ProgrammeWindow.MENTOR_CALL : ProgrammeWindow.SIGNUP;
		var closes = overview.programme().settings().closes(window);
		model.addAttribute("closes", closes);
		model.addAttribute("zone", overview.programme().zone().getId());
		if (!model.containsAttribute("windowForm")) {
			model.addAttribute("windowForm", new WindowForm(
					LocalDateTime.ofInstant(closes, overview.programme().zone()).truncatedTo(ChronoUnit.MINUTES)));
		}
		return "recruitment/applications";
	}

	@PostMapping("/programmes/{id}/applications/{applicationId}/accept")
	String accept(@PathVariable ProgrammeId id, @PathVariable UUID applicationId,
			@ModelAttribute("decision") DecisionForm form, BindingResult result,
			@RequestParam(defaultValue = "participant") String role, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return decide(id, applicationId, Decision.ACCEPT, form, result, role, user, model, response, redirect);
	}

	@PostMapping("/programmes/{id}/applications/{applicationId}/decline")
	String decline(@PathVariable ProgrammeId id, @PathVariable UUID applicationId,
			@ModelAttribute("decision") DecisionForm form, BindingResult result,
			@RequestParam(defaultValue = "participant") String role, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return decide(id, applicationId, Decision.DECLINE, form, result, role, user, model, response, redirect);
	}

	@PostMapping("/programmes/{id}/applications/{applicationId}/return")
	String returnToWaitingList(@PathVariable ProgrammeId id, @PathVariable UUID applicationId,
			@ModelAttribute("decision") DecisionForm form, BindingResult result,
			@RequestParam(defaultValue = "participant") String role, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return decide(id, applicationId, Decision.RETURN, form, result, role, user, model, response, redirect);
	}

	/**
	 * Every decision needs a reason for the audit trail: without one the page comes back
	 * with a 422. A decline is confirmed first on a page of its own that says how many
	 * people will be told. A decision that no longer fits the application (someone
	 * withdrew meanwhile, an earlier arrival still awaits approval, no place is free)
	 * comes back with a 409 saying why; nothing changes either way.
	 */
	private String decide(ProgrammeId id, UUID applicationId, Decision decision, DecisionForm form,
			BindingResult result, String role, CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var as = role(role);
		if (!form.check(result)) {
			// Back at the reason field of this application's row
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("decisionFor", applicationId);
			return list(id, as.path(), null, null, null, user, model);
		}
		try {
			if (decision == Decision.DECLINE && !form.isConfirmed()) {
				// Declining cannot be undone and tells people: asked first, saying who
				model.addAttribute("declining", applications.declining(id, applicationId, user.id()));
				model.addAttribute("reason", form.reason().strip());
				model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
				return "recruitment/decline";
			}
			var outcome = applications.decide(id, applicationId, decision, form.reason(), user.id());
			redirect.addFlashAttribute("notice", notice(outcome));
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return list(id, as.path(), null, null, null, user, model);
		}
		return "redirect:/programmes/" + id + "/applications?role=" + as.path();
	}

	/**
	 * What the decision really did: whether a place it freed went to the first on the
	 * waiting list, or stays free.
	 */
	private static String notice(ApplicationService.Outcome outcome) {
		var decided = outcome.decided();
		var key = "applications.decided." + decided.decision();
		if (outcome.promoted() > 0) {
			return key + ".passedOn";
		}
		return decided.decision() == Decision.DECLINE && outcome.from() == ApplicationState.SEATED ? key + ".freed"
				: key;
	}

	/**
	 * Moving a window's close later; a time in the past or not later than the current
	 * close answers 422.
	 */
	@PostMapping("/programmes/{id}/applications/window")
	String extendWindow(@PathVariable ProgrammeId id, @RequestParam(defaultValue = "participant") String role,
			@ModelAttribute("windowForm") WindowForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var as = role(role);
		if (!form.check(result)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list(id, as.path(), null, null, null, user, model);
		}
		try {
			applications.extendWindow(id, as, form.closes(), user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return list(id, as.path(), null, null, null, user, model);
		}
		redirect.addFlashAttribute("notice", "applications.window.extended");
		return "redirect:/programmes/" + id + "/applications?role=" + as.path();
	}

	@GetMapping("/programmes/{id}/applications.csv")
	void export(@PathVariable ProgrammeId id, @RequestParam(defaultValue = "participant") String role,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		var as = role(role);
		var locale = LocaleContextHolder.getLocale();
		var programme = access.coordinated(id, user.id());
		var call = calls.call(programme, as);
		var language = Language.of(locale);
		int minutes = programme.settings().meetingMinutes();
		var listed = applications.list(programme.id(), as, null, user.id());
		reads.recordRead(user.id(), listed.stream().map(Applicant::account).toList(), ReadKind.APPLICATION_EXPORT,
				programme, as.path());
		var rows = listed.stream().map(a -> {
			var d = a.details();
			var row = new ArrayList<>(List.of(String.valueOf(a.arrival()),
					text("signUp.state." + a.state() + ".short", locale),
					a.position() == 0 ? "" : String.valueOf(a.position()), a.name(), a.email(), a.languages(),
					text("signUp.delivery." + a.delivery() + ".short", locale), String.join(", ", d.campuses()),
					call.slots()
						.stream()
						.filter(s -> d.availability(s) != Call.Availability.NO)
						.map(s -> dates.weekly(s.day(), s.starts(), minutes) + ": "
								+ text("signUp.availability." + d.availability(s), locale))
						.collect(Collectors.joining("; ")),
					nullToEmpty(a.department()), nullToEmpty(a.motivation()), nullToEmpty(a.experience()),
					nullToEmpty(d.coMentor()), nullToEmpty(d.studentNumber())));
			call.questions().forEach(q -> row.add(q.answer(d.custom(q.id()), language)));
			row.add(dates.dateTime(a.createdAt()));
			return (List<String>) row;
		}).toList();
		var header = new ArrayList<>(Arrays
			.stream(new String[] { "arrival", "state", "position", "name", "email", "languages", "delivery", "campuses",
					"availability", "department", "motivation", "experience", "coMentor", "studentNumber" })
			.map(column -> text("applications.column." + column, locale))
			.toList());
		call.questions().forEach(q -> header.add(q.label(language)));
		header.add(text("applications.column.submitted", locale));
		SpreadsheetCsv.write(response, "applications-" + as.path() + ".csv", header, rows);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	private static ApplicationState state(String value) {
		return value == null || value.isBlank() ? null
				: Arrays.stream(ApplicationState.values()).filter(s -> s.name().equals(value)).findFirst().orElse(null);
	}

	private static RecruitmentRole role(String path) {
		return RecruitmentRole.fromPath(path);
	}

}
