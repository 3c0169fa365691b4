package app.kindred.training.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;
import app.kindred.training.Training;
import app.kindred.training.TrainingRefused;

/**
 * A mentor's own trainings and supervision: when and where, saying in advance when they
 * cannot come.
 */
@Controller
class MyTrainingController {

	private final Training training;

	MyTrainingController(Training training) {
		this.training = training;
	}

	@GetMapping("/programmes/{id}/my-training")
	String mine(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var view = training.mine(new ProgrammeId(id), user.id());
		model.addAttribute("programme", view.programme());
		model.addAttribute("mine", view);
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "training/mine";
	}

	@PostMapping("/programmes/{id}/my-training/{session}/response")
	String respond(@PathVariable UUID id, @PathVariable UUID session,
			@RequestParam(defaultValue = "true") boolean canCome, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			training.respond(new ProgrammeId(id), session, canCome, user.id());
		}
		catch (TrainingRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("notice", "training.refused." + refused.reason());
			return mine(id, user, model);
		}
		redirect.addFlashAttribute("notice", canCome ? "training.canCome" : "training.cannotCome");
		return "redirect:/programmes/" + id + "/my-training";
	}

	@GetMapping("/programmes/{id}/my-training/{session}/calendar.ics")
	ResponseEntity<byte[]> calendar(@PathVariable UUID id, @PathVariable UUID session,
			@AuthenticationPrincipal CurrentUser user) {
		var view = training.mine(new ProgrammeId(id), user.id());
		var s = training.sessionFor(new ProgrammeId(id), session, user.id());
		var where = s.place() != null ? s.place() : s.videoLink();
		var file = CalendarEvent.file(List.of(new CalendarEvent(s.id() + "@kindred", s.startsAt(), s.endsAt(),
				view.programme().text(Language.of(LocaleContextHolder.getLocale())).name(), where, null,
				s.cancelled())));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, CalendarEvent.CONTENT_TYPE)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("session.ics", StandardCharsets.UTF_8).build().toString())
			.body(file);
	}

}
