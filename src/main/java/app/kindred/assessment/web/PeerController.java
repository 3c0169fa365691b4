package app.kindred.assessment.web;

import java.util.LinkedHashMap;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

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

import app.kindred.assessment.internal.PeerReviewService;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.identity.AccountId;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * A credit-seeking mentor's peer evaluations: the list of their co-mentors, and one page
 * per co-mentor to write theirs (once: the form, then a confirmation showing what will be
 * sent, then the evaluation read-only) and to read the co-mentor's once it is revealed.
 * Anyone but the mentor (participants, other groups' mentors, staff) gets a 404, and so
 * does an id that is not the mentor's co-mentor.
 */
@Controller
class PeerController {

	private static final String LIST = "/programmes/{id}/course/peer";

	private static final String PAGE = LIST + "/{coMentor}";

	private final PeerReviewService peers;

	private final MessageSource messages;

	PeerController(PeerReviewService peers, MessageSource messages) {
		this.peers = peers;
		this.messages = messages;
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	@GetMapping(LIST)
	String list(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var overview = peers.overview(id, user.id());
		model.addAttribute("overview", overview);
		model.addAttribute("programme", overview.student().course().programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "assessment/peer-list";
	}

	@GetMapping(PAGE)
	String page(@PathVariable ProgrammeId id, @PathVariable AccountId coMentor,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var page = peers.page(id, user.id(), coMentor);
		if (!model.containsAttribute("peerForm")) {
			model.addAttribute("peerForm", PeerForm.empty());
		}
		model.addAttribute("peer", page);
		// The error summary names each field by its label, in the form's order
		var labels = new LinkedHashMap<String, String>();
		for (var question : page.questions()) {
			labels.put(question.field(),
					messages.getMessage(question.key(), new Object[] { page.coMentor().name() }, locale()));
		}
		labels.put("text", messages.getMessage("assessment.peer.text", null, locale()));
		model.addAttribute("labels", labels);
		model.addAttribute("programme", page.overview().student().course().programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "assessment/peer";
	}

	/**
	 * Checks the form and shows it again for confirmation, since an evaluation cannot be
	 * changed once sent; the confirmed form is submitted. Bad input comes back at its
	 * field (422); a second evaluation, or one after the deadline, is refused (409).
	 */
	@PostMapping(PAGE)
	String submit(@PathVariable ProgrammeId id, @PathVariable AccountId coMentor,
			@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("peerForm") PeerForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var page = peers.page(id, user.id(), coMentor);
		try {
			if (page.coMentor().written()) {
				throw Refused.conflict("assessment.peer.already");
			}
			if (!form.check(page.scale(), result) || form.editAgain()) {
				return page(id, coMentor, user, model);
			}
			if (!form.confirmedNow()) {
				model.addAttribute("confirming", true);
				return page(id, coMentor, user, model);
			}
			peers.submit(id, user.id(), coMentor, form.ratings(), form.value());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return page(id, coMentor, user, model);
		}
		redirect.addFlashAttribute("notice", "assessment.peer.submitted");
		return "redirect:/programmes/" + id + "/course/peer/" + coMentor;
	}

}
