package app.kindred.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

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

import app.kindred.assessment.internal.DiaryPrompts;
import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * The diary's reflection prompts of a programme, set by its coordinators and teachers:
 * per occasion and language, one per line, with Kindred's own shown for each left empty.
 * Other staff get a 403, anyone else a 404.
 */
@Controller
class PromptsController {

	private static final String PAGE = "/programmes/{id}/course/settings/prompts";

	/** One field of the page: an occasion's prompts in a language, with Kindred's own. */
	record Field(String name, String occasion, Language language, List<String> defaults) {
	}

	private final DiaryPrompts prompts;

	private final MessageSource messages;

	PromptsController(DiaryPrompts prompts, MessageSource messages) {
		this.prompts = prompts;
		this.messages = messages;
	}

	@GetMapping(PAGE)
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		if (!model.containsAttribute("promptsForm")) {
			model.addAttribute("promptsForm", PromptsForm.of(prompts.stored(id, user.id())));
		}
		model.addAttribute("programme", prompts.settable(id, user.id()));
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		var fields = fields();
		var locale = LocaleContextHolder.getLocale();
		var labels = new LinkedHashMap<String, String>();
		fields.forEach(f -> labels.put(f.name(),
				messages.getMessage("assessment.prompts.field",
						new Object[] { messages.getMessage("assessment.prompts.occasion." + f.occasion(), null, locale),
								messages.getMessage("language.native." + f.language().code(), null, locale) },
						locale)));
		model.addAttribute("fields", fields);
		model.addAttribute("labels", labels);
		return "assessment/prompts";
	}

	@PostMapping(PAGE)
	String save(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("promptsForm") PromptsForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		prompts.settable(id, user.id());
		var checked = form.check(result);
		if (checked.isEmpty()) {
			return page(id, user, model);
		}
		prompts.save(id, checked.get(), user.id());
		redirect.addFlashAttribute("notice", "assessment.prompts.saved");
		return "redirect:/programmes/" + id + "/course/settings/prompts";
	}

	/** Every field, by occasion and then language, with Kindred's own prompts for it. */
	private List<Field> fields() {
		var fields = new ArrayList<Field>();
		for (var occasion : DiaryPrompts.OCCASIONS) {
			for (var language : Language.values()) {
				fields.add(new Field(PromptsForm.field(occasion, language), occasion, language,
						prompts.defaults(occasion, language)));
			}
		}
		return fields;
	}

}
