package app.kindred.assessment.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import app.kindred.assessment.internal.DiaryEntry;
import app.kindred.assessment.internal.DiaryPdf;
import app.kindred.assessment.internal.DiaryPrompts;
import app.kindred.assessment.internal.DiaryService;
import app.kindred.assessment.internal.Occasion;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.core.web.Dates;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * A mentor's learning diary: the list of their entries, a new entry, one entry to read
 * and change, sharing one, handing in the whole diary and the diary as a PDF. Only the
 * writer ever reaches these pages (anyone else gets a 404); sharing and handing in are
 * for those who take the course for credits. Bad input comes back at its field with what
 * was typed (422), and nothing is stored.
 */
@Controller
class DiaryController {

	private static final String DIARY = "/programmes/{id}/course/diary";

	private final DiaryService diaries;

	private final DiaryPrompts prompts;

	private final DiaryPdf pdf;

	private final Dates dates;

	DiaryController(DiaryService diaries, DiaryPrompts prompts, DiaryPdf pdf, Dates dates) {
		this.diaries = diaries;
		this.prompts = prompts;
		this.pdf = pdf;
		this.dates = dates;
	}

	@GetMapping(DIARY)
	String list(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var diary = diaries.diary(id, user.id());
		common(diary, model);
		return "assessment/diary";
	}

	/**
	 * Without an occasion chosen ({@code occasion} absent), the page asks what the entry
	 * is about; then it offers that occasion's prompts beside the form.
	 */
	@GetMapping(DIARY + "/new")
	String blank(@PathVariable ProgrammeId id, @RequestParam(required = false) String occasion,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var diary = diaries.diary(id, user.id());
		var rules = diaries.rules(diary.student());
		var chosen = occasion == null ? null : rules.choice(occasion.strip()).orElse(null);
		if (!model.containsAttribute("entryForm")) {
			var day = chosen == null ? rules.today()
					: chosen.startsAt().atZone(diary.student().course().programme().zone()).toLocalDate();
			model.addAttribute("entryForm", EntryForm.blank(day, chosen == null ? "" : chosen.value()));
		}
		model.addAttribute("choosing", occasion == null);
		return entryPage(diary, rules, chosen == null ? null : chosen.occasion(), null, model);
	}

	@PostMapping(DIARY + "/new")
	String create(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("entryForm") EntryForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var diary = diaries.diary(id, user.id());
		var rules = diaries.rules(diary.student());
		var draft = form.check(rules, named(diary), dates, result);
		if (draft.isPresent()) {
			try {
				var entry = diaries.create(id, draft.get(), user.id());
				redirect.addFlashAttribute("notice", "assessment.diary.created");
				return "redirect:/programmes/" + id + "/course/diary/" + entry;
			}
			catch (Refused refused) {
				Refusals.show(refused, result, model, response);
			}
		}
		model.addAttribute("choosing", false);
		var chosen = rules.choice(form.occasion() == null ? "" : form.occasion().strip());
		return entryPage(diary, rules, chosen.map(DiaryService.Choice::occasion).orElse(null), null, model);
	}

	@GetMapping(DIARY + "/{entry}")
	String entry(@PathVariable ProgrammeId id, @PathVariable UUID entry, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		var diary = diaries.diary(id, user.id());
		var found = diaries.entry(id, entry, user.id());
		if (!model.containsAttribute("entryForm")) {
			model.addAttribute("entryForm", new EntryForm(found.date().toString(),
					found.occasion() == null ? "" : found.occasion().name() + ":" + found.occasionId(), found.text()));
		}
		model.addAttribute("choosing", false);
		return entryPage(diary, diaries.rules(diary.student()), found.occasion(), found, model);
	}

	/** A private entry changes in place; a shared one becomes its next version. */
	@PostMapping(DIARY + "/{entry}")
	String save(@PathVariable ProgrammeId id, @PathVariable UUID entry, @AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("entryForm") EntryForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var diary = diaries.diary(id, user.id());
		var found = diaries.entry(id, entry, user.id());
		var draft = form.check(diaries.rules(diary.student()), named(diary), dates, result);
		if (draft.isPresent()) {
			try {
				boolean changed = diaries.save(id, entry, draft.get(), user.id());
				redirect.addFlashAttribute("notice", !changed ? "assessment.diary.unchanged"
						: found.shared() ? "assessment.diary.savedVersion" : "assessment.diary.saved");
				return "redirect:/programmes/" + id + "/course/diary/" + entry;
			}
			catch (Refused refused) {
				Refusals.show(refused, result, model, response);
			}
		}
		return entry(id, entry, user, model);
	}

	/**
	 * Asks first: a shared entry stays readable by the teachers and changes only as new
	 * versions.
	 */
	@PostMapping(DIARY + "/{entry}/share")
	String share(@PathVariable ProgrammeId id, @PathVariable UUID entry,
			@RequestParam(defaultValue = "false") boolean confirmed, @AuthenticationPrincipal CurrentUser user,
			Model model, RedirectAttributes redirect) {
		var diary = diaries.diary(id, user.id());
		var found = diaries.entry(id, entry, user.id());
		if (!diary.canShare()) {
			throw new NotFoundException("sharing");
		}
		if (!confirmed && !found.shared()) {
			common(diary, model);
			model.addAttribute("entry", found);
			model.addAttribute("action", "share");
			return "assessment/diary-confirm";
		}
		boolean shared = diaries.share(id, entry, user.id());
		redirect.addFlashAttribute("notice", shared ? "assessment.diary.shared" : "assessment.diary.sharedAlready");
		return "redirect:/programmes/" + id + "/course/diary/" + entry;
	}

	/** Asks first, saying how many private entries handing in shares. */
	@PostMapping(DIARY + "/submit")
	String submit(@PathVariable ProgrammeId id, @RequestParam(defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		var diary = diaries.diary(id, user.id());
		if (!diary.canShare()) {
			throw new NotFoundException("sharing");
		}
		if (!confirmed) {
			common(diary, model);
			model.addAttribute("action", "submit");
			return "assessment/diary-confirm";
		}
		diaries.submit(id, user.id());
		redirect.addFlashAttribute("notice", "assessment.diary.submitted");
		return "redirect:/programmes/" + id + "/course/diary";
	}

	/** The writer's own diary, for their portfolio: every entry, private ones too. */
	@GetMapping(DIARY + ".pdf")
	ResponseEntity<byte[]> pdf(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user) {
		var diary = diaries.diary(id, user.id());
		var language = Language.of(LocaleContextHolder.getLocale());
		var model = new HashMap<String, Object>();
		model.put("diary", diary);
		model.put("writer", user.displayName());
		model.put("programme", diary.student().course().programme());
		model.put("language", language);
		model.put("occasions", occasions(diaries.rules(diary.student())));
		model.put("dates", dates);
		var body = pdf.render(model, LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("learning-diary.pdf").build().toString())
			.body(body);
	}

	private String entryPage(DiaryService.Diary diary, DiaryService.Rules rules, Occasion occasion, DiaryEntry entry,
			Model model) {
		common(diary, model);
		var language = Language.of(LocaleContextHolder.getLocale());
		model.addAttribute("rules", rules);
		model.addAttribute("entry", entry);
		model.addAttribute("prompts", prompts.prompts(diary.student().course().programme().id(), occasion, language));
		model.addAttribute("occasion", occasion);
		return "assessment/diary-entry";
	}

	private void common(DiaryService.Diary diary, Model model) {
		model.addAttribute("diary", diary);
		model.addAttribute("programme", diary.student().course().programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		model.addAttribute("occasions", occasions(diaries.rules(diary.student())));
	}

	private static Map<UUID, DiaryService.Choice> occasions(DiaryService.Rules rules) {
		var byId = new HashMap<UUID, DiaryService.Choice>();
		rules.choices().forEach(c -> byId.put(c.id(), c));
		return byId;
	}

	private Function<String, Optional<String>> named(DiaryService.Diary diary) {
		return text -> diaries.participantNamed(diary.student(), text);
	}

}
