package app.kindred.assessment.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.assessment.internal.Course;
import app.kindred.assessment.internal.CourseSettingsService;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.Times;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;

/**
 * A credit course's settings, learning outcomes and assessment criteria, for the
 * programme's coordinators and its organisation's teachers (other staff 403, anyone else
 * 404). A programme not run for credits says so instead of offering the form.
 */
@Controller
class CourseSettingsController {

	private final CourseSettingsService settings;

	private final ProgrammeAccess access;

	private final MessageSource messages;

	CourseSettingsController(CourseSettingsService settings, ProgrammeAccess access, MessageSource messages) {
		this.settings = settings;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/programmes/{id}/course/settings")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var course = settings.forStaff(id, user.id());
		model.addAttribute("form", CourseSettingsForm.of(course, settings.defaults(course), course.programme().zone()));
		return render(course, user, model);
	}

	@PostMapping("/programmes/{id}/course/settings")
	String save(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("form") CourseSettingsForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var course = settings.forStaff(id, user.id());
		if (!course.forCredit()) {
			throw Refused.conflict("assessment.settings.notCredit");
		}
		var checked = form.check(course, course.programme().zone(), result);
		if (checked.isEmpty()) {
			// The form comes back as sent (its empty rows too), so errors stay at their
			// rows
			return render(course, user, model);
		}
		try {
			settings.save(id, user.id(), checked.get().settings(), checked.get().outcomes(), checked.get().criteria());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return render(course, user, model);
		}
		redirect.addFlashAttribute("notice", "assessment.settings.saved");
		return "redirect:/programmes/" + id + "/course/settings";
	}

	private String render(Course course, CurrentUser user, Model model) {
		var programme = course.programme();
		var formatter = Times.dateTime(FormatStyle.MEDIUM, LocaleContextHolder.getLocale()).withZone(programme.zone());
		var defaults = settings.defaults(course);
		model.addAttribute("course", course);
		model.addAttribute("programme", programme);
		model.addAttribute("coordinator", access.coordinates(programme, user.id()));
		// The assessment is the teachers' alone: no link for a coordinator to a 403
		model.addAttribute("teacher", access.teaches(programme, user.id()));
		model.addAttribute("zone", programme.zone().getId());
		model.addAttribute("defaultObjectives", shown(defaults.objectivesDue(), formatter));
		model.addAttribute("defaultDiary", shown(defaults.diaryDue(), formatter));
		model.addAttribute("defaultSelfEvaluation", shown(defaults.selfEvaluationDue(), formatter));
		model.addAttribute("defaultPeerEvaluation", shown(defaults.peerEvaluationDue(), formatter));
		model.addAttribute("itemLabels", itemLabels((CourseSettingsForm) model.getAttribute("form")));
		model.addAttribute("languages", Language.values());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "assessment/settings";
	}

	/**
	 * What the error summary calls each field of the outcomes and criteria, in the form's
	 * order: "Learning outcomes, item 2: Text in Suomi".
	 */
	private Map<String, String> itemLabels(CourseSettingsForm form) {
		var locale = LocaleContextHolder.getLocale();
		var labels = new LinkedHashMap<String, String>();
		if (form == null) {
			return labels;
		}
		for (var list : List.of("outcomes", "criteria")) {
			var rows = list.equals("outcomes") ? form.outcomes() : form.criteria();
			var heading = messages.getMessage("assessment.settings." + list, null, locale);
			for (int i = 0; i < rows.size(); i++) {
				var path = list + "[" + i + "].";
				var item = heading + ", "
						+ messages.getMessage("assessment.settings.item", new Object[] { i + 1 }, locale);
				labels.put(path + "id", item);
				labels.put(path + "order",
						item + ": " + messages.getMessage("assessment.settings.item.order.label", null, locale));
				for (var language : Language.values()) {
					var name = messages.getMessage("language.native." + language.code(), null, locale);
					labels.put(path + language.code(), item + ": "
							+ messages.getMessage("assessment.settings.item.text", new Object[] { name }, locale));
				}
			}
		}
		return labels;
	}

	/** A default deadline as the hint writes it; none when the term has no end yet. */
	private static String shown(Instant due, DateTimeFormatter formatter) {
		return due.equals(Instant.MAX) ? null : formatter.format(due);
	}

}
