package app.kindred.feedback.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.kindred.core.Language;
import app.kindred.core.web.PublicRoutes;
import app.kindred.feedback.internal.AnswerCheck;
import app.kindred.feedback.internal.AnswerService;
import app.kindred.feedback.internal.AnswerService.Respondent;
import app.kindred.identity.CurrentUser;

/**
 * Answering a survey: by the e-mailed link without signing in, or signed in from Home. An
 * answer with problems comes back with each problem at its question and what was typed
 * kept (422); a good one leads to a thank-you page that shows nothing of it. Nothing here
 * logs, and nothing of the answer goes into the session or the redirect.
 */
@Controller
class AnswerController {

	private final AnswerService answers;

	AnswerController(AnswerService answers) {
		this.answers = answers;
	}

	@GetMapping("/surveys/answer/{token}")
	String byLink(@PathVariable String token, Model model) {
		return render(answers.byLink(token), "/surveys/answer/" + token, Map.of(), Map.of(), model);
	}

	@PostMapping("/surveys/answer/{token}")
	String answerByLink(@PathVariable String token, @RequestParam MultiValueMap<String, String> sent, Model model,
			HttpServletResponse response) {
		return answer(answers.byLink(token), "/surveys/answer/" + token, sent, model, response);
	}

	@GetMapping("/surveys/{survey}")
	String signedIn(@PathVariable UUID survey, @AuthenticationPrincipal CurrentUser user, Model model) {
		return render(answers.signedIn(survey, user.id()), "/surveys/" + survey, Map.of(), Map.of(), model);
	}

	@PostMapping("/surveys/{survey}")
	String answerSignedIn(@PathVariable UUID survey, @AuthenticationPrincipal CurrentUser user,
			@RequestParam MultiValueMap<String, String> sent, Model model, HttpServletResponse response) {
		return answer(answers.signedIn(survey, user.id()), "/surveys/" + survey, sent, model, response);
	}

	@GetMapping("/surveys/thanks")
	String thanks() {
		return "feedback/thanks";
	}

	private String answer(Respondent respondent, String action, MultiValueMap<String, String> sent, Model model,
			HttpServletResponse response) {
		var language = language();
		// Refused here (409) when closed or answered already, before looking at the
		// answer
		answers.page(respondent, language);
		var checked = answers.check(respondent, sent);
		if (!checked.ok()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(respondent, action, sent, checked.problems(), model);
		}
		answers.answer(respondent, language, checked);
		return "redirect:/surveys/thanks";
	}

	private String render(Respondent respondent, String action, Map<String, List<String>> sent,
			Map<String, String> problems, Model model) {
		var page = answers.page(respondent, language());
		model.addAttribute("page", page);
		model.addAttribute("action", action);
		model.addAttribute("sent", sent);
		model.addAttribute("problems", problems);
		// The questions' fragment wants each problem by the question's key
		var byQuestion = new HashMap<String, String>();
		problems.forEach((field, key) -> {
			if (field.startsWith("q.")) {
				byQuestion.put(field.substring(2), key);
			}
		});
		model.addAttribute("answerErrors", byQuestion);
		// The error summary names each question as the page shows it, so ten "Please
		// answer" say which ten; a question that is a sentence loses its full stop before
		// the message, as in every form's summary
		var labels = new HashMap<String, String>();
		page.form().questions().forEach(q -> labels.put("q." + q.key(), page.text(q.text()).replaceFirst("\\.$", "")));
		model.addAttribute("problemLabels", labels);
		model.addAttribute("codeFields", AnswerCheck.CODE_FIELDS);
		return "feedback/answer";
	}

	private static Language language() {
		return Language.of(LocaleContextHolder.getLocale());
	}

	@Configuration(proxyBeanMethods = false)
	static class Routes {

		@Bean
		PublicRoutes surveyAnswerRoutes() {
			return () -> List.of("/surveys/answer/*", "/surveys/thanks");
		}

	}

}
