package app.kindred.announcement.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.announcement.AnnouncementId;
import app.kindred.announcement.internal.AnnouncementService;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * The coordinators' announcements page: those sent, with how many each reached, and the
 * form to write one. Sending takes two steps without any script: the form comes back as a
 * confirmation naming how many people will be told, whose "Send" button sends it.
 */
@Controller
class AnnouncementsController {

	/** One language's pair of fields, in the order the form shows them. */
	record LanguageFields(Language language, String subject, String body, boolean first) {
	}

	private final AnnouncementService announcements;

	private final MessageSource messages;

	AnnouncementsController(AnnouncementService announcements, MessageSource messages) {
		this.announcements = announcements;
		this.messages = messages;
	}

	@GetMapping("/programmes/{id}/announcements")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var language = language();
		if (!model.containsAttribute("announcementForm")) {
			model.addAttribute("announcementForm", AnnouncementForm.blank());
		}
		var overview = announcements.overview(id, user.id(), language);
		model.addAttribute("overview", overview);
		model.addAttribute("programme", overview.programme());
		model.addAttribute("language", language);
		var order = AnnouncementForm.order(language);
		model.addAttribute("fields",
				order.stream()
					.map(l -> new LanguageFields(l, AnnouncementForm.subjectField(l), AnnouncementForm.bodyField(l),
							l == order.getFirst()))
					.toList());
		model.addAttribute("labels", labels(order));
		return "announcement/announcements";
	}

	/**
	 * Each field's label in the form's order, for the error summary (which names the
	 * field of each message).
	 */
	private Map<String, String> labels(List<Language> order) {
		var locale = LocaleContextHolder.getLocale();
		var labels = new LinkedHashMap<String, String>();
		labels.put("audience", messages.getMessage("announcement.field.audience", null, locale));
		labels.put("group", messages.getMessage("announcement.field.group", null, locale));
		for (var language : order) {
			var name = messages.getMessage("language.native." + language.code(), null, locale);
			labels.put(AnnouncementForm.subjectField(language), messages.getMessage("form.field.inLanguage",
					new Object[] { messages.getMessage("announcement.field.subject", null, locale), name }, locale));
			labels.put(AnnouncementForm.bodyField(language), messages.getMessage("form.field.inLanguage",
					new Object[] { messages.getMessage("announcement.field.body", null, locale), name }, locale));
		}
		return labels;
	}

	/**
	 * Without {@code confirmed}, answers the confirmation; with {@code confirmed=true}
	 * and the number confirmed still right, sends; with {@code confirmed=false}, the form
	 * again to change it. Whoever is not the programme's coordinator is turned away
	 * before anything typed is read.
	 */
	@PostMapping("/programmes/{id}/announcements")
	String write(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("announcementForm") AnnouncementForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var programme = announcements.coordinated(id, user.id());
		var language = language();
		var draft = form.check(language, result);
		if (draft.isEmpty() || Boolean.FALSE.equals(form.confirmed())) {
			return page(id, user, model);
		}
		try {
			int reach = announcements.reach(programme, form.audience(), draft.get().group());
			if (reach == 0) {
				throw Refused.invalid("audience", "announcement.audience.nobody");
			}
			if (!Boolean.TRUE.equals(form.confirmed()) || form.reach() == null || form.reach() != reach) {
				if (Boolean.TRUE.equals(form.confirmed())) {
					// Someone joined or left since the confirmation: confirm the new
					// number
					response.setStatus(HttpStatus.CONFLICT.value());
					model.addAttribute("refusal", "announcement.confirm.changed");
				}
				model.addAttribute("programme", programme);
				model.addAttribute("language", language);
				model.addAttribute("draft", draft.get());
				model.addAttribute("reach", reach);
				model.addAttribute("groupNumber", announcements.groupNumber(programme, draft.get().group()));
				return "announcement/confirm";
			}
			int reached = announcements.send(id, draft.get(), user.id());
			redirect.addFlashAttribute("sentTo", reached);
			return "redirect:/programmes/" + id + "/announcements";
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return page(id, user, model);
		}
	}

	/** Takes an announcement off the person's Home: theirs only, anyone else a 404. */
	@PostMapping("/announcements/{id}/dismiss")
	String dismiss(@PathVariable AnnouncementId id, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		announcements.dismiss(id, user.id());
		redirect.addFlashAttribute("notice", "announcement.dismissed");
		return "redirect:/";
	}

	private static Language language() {
		return Language.of(LocaleContextHolder.getLocale());
	}

}
