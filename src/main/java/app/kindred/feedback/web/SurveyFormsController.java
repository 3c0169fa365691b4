package app.kindred.feedback.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

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

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.feedback.internal.SurveyDefinition.QuestionType;
import app.kindred.feedback.internal.SurveyFormat;
import app.kindred.feedback.internal.SurveyForms;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;

/**
 * An organisation's survey forms: the library with a preview of each form, importing a
 * validated instrument (its admins), and copying and editing Kindred's feedback surveys
 * question by question (its coordinators and admins). Uploads larger than the servlet's
 * multipart limit never reach here: Tomcat refuses them with the 413 page.
 */
@Controller
class SurveyFormsController {

	private final SurveyForms forms;

	SurveyFormsController(SurveyForms forms) {
		this.forms = forms;
	}

	@GetMapping("/organisations/{id}/surveys")
	String library(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", ImportForm.blank());
		return libraryPage(id, user, model);
	}

	@PostMapping("/organisations/{id}/surveys/import")
	String importInstrument(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("form") ImportForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		forms.organisation(id, user.id(), true);
		var content = form.check(result);
		if (content.isEmpty()) {
			response.setStatus(422);
			return libraryPage(id, user, model);
		}
		try {
			var imported = forms.importInstrument(id, content.get(), user.id());
			redirect.addFlashAttribute("notice", "feedback.forms.imported");
			return "redirect:/organisations/" + id + "/surveys/" + imported.key();
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return libraryPage(id, user, model);
		}
	}

	@GetMapping("/organisations/{id}/surveys/{key}")
	String preview(@PathVariable OrganisationId id, @PathVariable String key, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		var entry = forms.view(id, key, user.id());
		model.addAttribute("organisation", forms.organisation(id, user.id(), false));
		model.addAttribute("entry", entry);
		model.addAttribute("survey", entry.form());
		model.addAttribute("language", language());
		model.addAttribute("answers", Map.of());
		model.addAttribute("preview", true);
		return "feedback/preview";
	}

	@PostMapping("/organisations/{id}/surveys/{key}/copy")
	String copy(@PathVariable OrganisationId id, @PathVariable String key, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		var copy = forms.copy(id, key, user.id());
		redirect.addFlashAttribute("notice", "feedback.forms.copied");
		return "redirect:/organisations/" + id + "/surveys/" + copy.key() + "/edit";
	}

	@PostMapping("/organisations/{id}/surveys/{key}/delete")
	String delete(@PathVariable OrganisationId id, @PathVariable String key, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		forms.delete(id, key, user.id());
		redirect.addFlashAttribute("notice", "feedback.forms.deleted");
		return "redirect:/organisations/" + id + "/surveys";
	}

	@GetMapping("/organisations/{id}/surveys/{key}/edit")
	String edit(@PathVariable OrganisationId id, @PathVariable String key, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		model.addAttribute("texts", FormTextsForm.of(forms.editable(id, key, user.id())));
		return editPage(id, key, user, model);
	}

	@PostMapping("/organisations/{id}/surveys/{key}/edit")
	String saveTexts(@PathVariable OrganisationId id, @PathVariable String key,
			@AuthenticationPrincipal CurrentUser user, @ModelAttribute("texts") FormTextsForm texts,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var form = forms.editable(id, key, user.id());
		var checked = texts.check(SurveyFormat.languages(form), result);
		if (checked.isEmpty()) {
			response.setStatus(422);
			return editPage(id, key, user, model);
		}
		try {
			forms.saveTexts(id, key, checked.get().title(), checked.get().introduction(), user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return editPage(id, key, user, model);
		}
		redirect.addFlashAttribute("notice", "feedback.edit.saved");
		return "redirect:/organisations/" + id + "/surveys/" + key + "/edit";
	}

	@GetMapping("/organisations/{id}/surveys/{key}/questions/new")
	String newQuestion(@PathVariable OrganisationId id, @PathVariable String key,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("question", QuestionForm.blank(forms.editable(id, key, user.id())));
		return questionPage(id, key, null, user, model);
	}

	@PostMapping("/organisations/{id}/surveys/{key}/questions")
	String addQuestion(@PathVariable OrganisationId id, @PathVariable String key,
			@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("question") QuestionForm question,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return saveQuestion(id, key, null, user, question, result, model, response, redirect);
	}

	@GetMapping("/organisations/{id}/surveys/{key}/questions/{question}")
	String editQuestion(@PathVariable OrganisationId id, @PathVariable String key, @PathVariable String question,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var form = forms.editable(id, key, user.id());
		var existing = form.question(question).orElseThrow(() -> new NotFoundException("question"));
		model.addAttribute("question", QuestionForm.of(existing));
		return questionPage(id, key, question, user, model);
	}

	@PostMapping("/organisations/{id}/surveys/{key}/questions/{question}")
	String updateQuestion(@PathVariable OrganisationId id, @PathVariable String key,
			@PathVariable("question") String questionKey, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("question") QuestionForm question, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var form = forms.editable(id, key, user.id());
		form.question(questionKey).orElseThrow(() -> new NotFoundException("question"));
		return saveQuestion(id, key, questionKey, user, question, result, model, response, redirect);
	}

	@PostMapping("/organisations/{id}/surveys/{key}/questions/{question}/remove")
	String removeQuestion(@PathVariable OrganisationId id, @PathVariable String key,
			@PathVariable("question") String questionKey, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		forms.removeQuestion(id, key, questionKey, user.id());
		redirect.addFlashAttribute("notice", "feedback.question.removed");
		return "redirect:/organisations/" + id + "/surveys/" + key + "/edit";
	}

	private String saveQuestion(OrganisationId id, String key, String questionKey, CurrentUser user,
			QuestionForm question, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var form = forms.editable(id, key, user.id());
		var checked = question.check(form, result);
		if (checked.isEmpty()) {
			response.setStatus(422);
			return questionPage(id, key, questionKey, user, model);
		}
		try {
			forms.saveQuestion(id, key, questionKey, checked.get(), user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return questionPage(id, key, questionKey, user, model);
		}
		redirect.addFlashAttribute("notice", "feedback.question.saved");
		return "redirect:/organisations/" + id + "/surveys/" + key + "/edit";
	}

	private String libraryPage(OrganisationId id, CurrentUser user, Model model) {
		var organisation = forms.organisation(id, user.id(), false);
		model.addAttribute("organisation", organisation);
		model.addAttribute("entries", forms.library(id, user.id()));
		model.addAttribute("isAdmin", forms.administers(id, user.id()));
		model.addAttribute("origins", SurveyForms.Origin.values());
		model.addAttribute("language", language());
		model.addAttribute("maxKilobytes", SurveyFormat.MAX_BYTES / 1024);
		return "feedback/forms";
	}

	private String editPage(OrganisationId id, String key, CurrentUser user, Model model) {
		var form = forms.editable(id, key, user.id());
		model.addAttribute("organisation", forms.organisation(id, user.id(), false));
		model.addAttribute("survey", form);
		model.addAttribute("languages", List.copyOf(SurveyFormat.languages(form)));
		model.addAttribute("language", language());
		return "feedback/edit";
	}

	private String questionPage(OrganisationId id, String key, String questionKey, CurrentUser user, Model model) {
		var form = forms.editable(id, key, user.id());
		model.addAttribute("organisation", forms.organisation(id, user.id(), false));
		model.addAttribute("survey", form);
		model.addAttribute("questionKey", questionKey);
		model.addAttribute("languages", List.copyOf(SurveyFormat.languages(form)));
		model.addAttribute("types", QuestionType.values());
		model.addAttribute("language", language());
		return "feedback/question";
	}

	private static Language language() {
		return Language.of(LocaleContextHolder.getLocale());
	}

}
