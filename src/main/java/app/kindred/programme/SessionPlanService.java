package app.kindred.programme;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.programme.internal.ProgrammePlanService;

/**
 * What a programme's groups follow in their meetings, as other modules read it: the
 * session plan the programme uses, in the group's language. Those modules check who may
 * see it.
 */
@Service
public class SessionPlanService {

	private final ProgrammePlanService plans;

	SessionPlanService(ProgrammePlanService plans) {
		this.plans = plans;
	}

	/**
	 * Every meeting's full plan for a group's mentors, in the group's language and for
	 * how it meets.
	 */
	@Transactional(readOnly = true)
	public List<MentorMeeting> forMentors(ProgrammeId id, Language language, MeetingVariant variant) {
		return plans.forProgramme(id).meetings().stream().map(m -> {
			var written = m.textLanguage(language);
			var text = m.text(written);
			return new MentorMeeting(m.number(), written, text.theme(), text.aims(), text.outline(),
					text.totalMinutes(), text.instructions(), text.instructionsFor(variant));
		}).toList();
	}

	/**
	 * What participants see of the plan: each meeting's theme, in the group's language.
	 */
	@Transactional(readOnly = true)
	public List<MeetingTheme> forParticipants(ProgrammeId id, Language language) {
		return plans.forProgramme(id).meetings().stream().map(m -> {
			var written = m.textLanguage(language);
			return new MeetingTheme(m.number(), written, m.text(written).theme());
		}).toList();
	}

}
