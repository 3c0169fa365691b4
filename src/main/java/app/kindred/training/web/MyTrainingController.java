package app.kindred.training.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.CalendarEvent;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;
import app.kindred.training.internal.MentorTrainingService;

/**
 * A mentor's own trainings and supervision: when and where, saying in advance when they
 * cannot come.
 */
@Controller
class MyTrainingController {

	private final MentorTrainingService training;

	MyTrainingController(MentorTrainingService training) {
		this.training = training;
	}

	@GetMapping("/programmes/{id}/my-training")
	String mine(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var view = training.mine(id, user.id());
		model.addAttribute("programme", view.programme());
		model.addAttribute("mine", view);
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "training/mine";
	}

	@PostMapping("/programmes/{id}/my-training/{session}/response")
	String respond(@PathVariable ProgrammeId id, @PathVariable UUID session,
			@RequestParam(defaultValue = "true") boolean canCome, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			training.respond(id, session, canCome, user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, null, model, response);
			return mine(id, user, model);
		}
		redirect.addFlashAttribute("notice", canCome ? "training.canCome" : "training.cannotCome");
		return "redirect:/programmes/" + id + "/my-training";
	}

	@GetMapping("/programmes/{id}/my-training/{session}/calendar.ics")
	ResponseEntity<byte[]> calendar(@PathVariable ProgrammeId id, @PathVariable UUID session,
			@AuthenticationPrincipal CurrentUser user) {
		var view = training.mine(id, user.id());
		var s = training.sessionFor(id, session, user.id());
		var where = s.place() != null ? s.place() : s.videoLink();
		var name = view.programme().text(Language.of(LocaleContextHolder.getLocale())).name();
		var file = CalendarEvent.file(name, List
			.of(new CalendarEvent(s.id() + "@kindred", s.startsAt(), s.endsAt(), name, where, null, s.cancelled())));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, CalendarEvent.CONTENT_TYPE)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("session.ics", StandardCharsets.UTF_8).build().toString())
			.body(file);
	}

}
