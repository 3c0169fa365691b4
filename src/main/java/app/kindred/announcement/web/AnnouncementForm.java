package app.kindred.announcement.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import app.kindred.announcement.internal.AnnouncementService;
import app.kindred.announcement.internal.Audience;
import app.kindred.core.Language;

/**
 * An announcement as typed: whom to, and a subject and a message in each language the
 * coordinator writes in (blank languages are left out). {@code confirmed} is what the
 * confirmation's buttons send: absent before it, {@code true} to send, {@code false} to
 * change the texts; {@code reach} is the number of people the confirmation showed.
 */
record AnnouncementForm(Audience audience, UUID group, @Size(max = AnnouncementService.SUBJECT_MAX) String subjectEn,
		@Size(max = AnnouncementService.BODY_MAX) String bodyEn,
		@Size(max = AnnouncementService.SUBJECT_MAX) String subjectFi,
		@Size(max = AnnouncementService.BODY_MAX) String bodyFi,
		@Size(max = AnnouncementService.SUBJECT_MAX) String subjectSv,
		@Size(max = AnnouncementService.BODY_MAX) String bodySv, Boolean confirmed, Integer reach) {

	AnnouncementForm {
		subjectEn = subject(subjectEn);
		subjectFi = subject(subjectFi);
		subjectSv = subject(subjectSv);
		bodyEn = body(bodyEn);
		bodyFi = body(bodyFi);
		bodySv = body(bodySv);
	}

	static AnnouncementForm blank() {
		return new AnnouncementForm(null, null, "", "", "", "", "", "", null, null);
	}

	/**
	 * The languages in the order the form shows them: the coordinator's own first, whose
	 * text is the one people get whose language has none when it is written.
	 */
	static List<Language> order(Language first) {
		var order = new ArrayList<Language>();
		order.add(first);
		for (var language : Language.values()) {
			if (language != first) {
				order.add(language);
			}
		}
		return order;
	}

	static String subjectField(Language language) {
		return "subject" + suffix(language);
	}

	static String bodyField(Language language) {
		return "body" + suffix(language);
	}

	String subject(Language language) {
		return switch (language) {
			case EN -> subjectEn;
			case FI -> subjectFi;
			case SV -> subjectSv;
		};
	}

	String body(Language language) {
		return switch (language) {
			case EN -> bodyEn;
			case FI -> bodyFi;
			case SV -> bodySv;
		};
	}

	/**
	 * What was written, in the order written, each problem at its field: no audience, a
	 * group audience without its group, a language with a subject and no message (or the
	 * reverse), or nothing written at all (told at the fields of the coordinator's
	 * language).
	 */
	Optional<AnnouncementService.Draft> check(Language coordinatorLanguage, BindingResult result) {
		if (audience == null && !result.hasFieldErrors("audience")) {
			result.rejectValue("audience", "announcement.audience.required");
		}
		if (audience == Audience.GROUP && group == null && !result.hasFieldErrors("group")) {
			result.rejectValue("group", "announcement.group.required");
		}
		var texts = new LinkedHashMap<Language, AnnouncementService.Text>();
		boolean textErrors = false;
		for (var language : order(coordinatorLanguage)) {
			var subjectField = subjectField(language);
			var bodyField = bodyField(language);
			if (result.hasFieldErrors(subjectField) || result.hasFieldErrors(bodyField)) {
				textErrors = true;
				continue;
			}
			var subject = subject(language);
			var body = body(language);
			if (blank(subject) && blank(body)) {
				continue;
			}
			if (blank(subject)) {
				result.rejectValue(subjectField, "announcement.subject.missing");
				textErrors = true;
			}
			else if (blank(body)) {
				result.rejectValue(bodyField, "announcement.body.missing");
				textErrors = true;
			}
			else {
				texts.put(language, new AnnouncementService.Text(subject, body));
			}
		}
		if (texts.isEmpty() && !textErrors) {
			result.rejectValue(subjectField(coordinatorLanguage), "announcement.text.none");
			result.rejectValue(bodyField(coordinatorLanguage), "announcement.text.none");
		}
		return result.hasErrors() ? Optional.empty() : Optional
			.of(new AnnouncementService.Draft(audience, audience == Audience.GROUP ? group : null, texts));
	}

	private static String suffix(Language language) {
		return switch (language) {
			case EN -> "En";
			case FI -> "Fi";
			case SV -> "Sv";
		};
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String subject(String typed) {
		// One line: a subject becomes a mail header
		return typed == null ? null : typed.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
	}

	/**
	 * Line breaks as one character each (browsers send CR LF), so that the limit counts
	 * what people see; the blanks around the text are not kept.
	 */
	private static String body(String typed) {
		return typed == null ? null : typed.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

}
