package app.kindred.assessment.web;

import java.util.List;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.kindred.assessment.internal.DiaryService;
import app.kindred.audit.ReadKind;
import app.kindred.audit.SensitiveReads;
import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * A shared diary entry of a credit student, as a teacher of the programme reads it (or a
 * coordinator, where the course allows): reading it records the version read, so the
 * teacher's page tells when a newer one comes. A private entry, an entry of another
 * mentor or programme, or an id that is nobody's answers 404 alike.
 */
@Controller
class DiaryReadingController {

	private final DiaryService diaries;

	private final Accounts accounts;

	private final SensitiveReads reads;

	DiaryReadingController(DiaryService diaries, Accounts accounts, SensitiveReads reads) {
		this.diaries = diaries;
		this.accounts = accounts;
		this.reads = reads;
	}

	@GetMapping("/programmes/{id}/assessment/{mentor}/diary/{entry}")
	String read(@PathVariable ProgrammeId id, @PathVariable AccountId mentor, @PathVariable UUID entry,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var reading = diaries.read(id, mentor, entry, user.id());
		reads.recordRead(user.id(), List.of(mentor), ReadKind.SHARED_DIARY, reading.student().course().programme(),
				"entry " + entry);
		model.addAttribute("reading", reading);
		model.addAttribute("programme", reading.student().course().programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		model.addAttribute("writer", accounts.find(mentor).map(a -> a.displayName()).orElse(""));
		model.addAttribute("choice",
				diaries.rules(reading.student())
					.choices()
					.stream()
					.filter(c -> c.id().equals(reading.entry().occasionId()))
					.findFirst()
					.orElse(null));
		return "assessment/diary-reading";
	}

}
