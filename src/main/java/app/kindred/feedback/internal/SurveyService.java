package app.kindred.feedback.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.feedback.SurveyKind;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.meeting.Meeting;
import app.kindred.meeting.Meetings;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;

/**
 * The surveys a programme's coordinators schedule: the usual set in one step, or one
 * survey at a time from the organisation's library, each with the form as it stands that
 * day. A window not typed in follows the programme's meetings once its groups are
 * published, else its term.
 */
@Service
public class SurveyService {

	/** The usual measure, asked before the first meeting and after the last. */
	public static final String MEASURE = "kindred-self-compassion";

	public static final String PARTICIPANT_FEEDBACK = "kindred-participant-feedback";

	public static final String MENTOR_FEEDBACK = "kindred-mentor-feedback";

	/**
	 * Windows shorter than this get their reminder halfway instead of 48 hours before the
	 * close.
	 */
	static final Duration REMIND_BEFORE = Duration.ofHours(48);

	/**
	 * A survey as the schedule lists it, with how many were invited and have answered.
	 */
	public record Scheduled(Survey survey, String title, int invited, int answered) {

		public boolean removable() {
			return answered == 0;
		}

	}

	/** A form of the library that a coordinator may schedule. */
	public record Choice(String key, String title, SurveyKind kind) {
	}

	public record Overview(ProgrammeView programme, boolean published, List<Scheduled> surveys, List<Choice> forms) {
	}

	/** When a survey opens, closes, and its one reminder goes. */
	public record Window(Instant opens, Instant closes, Instant remind) {

		static Window of(Instant opens, Instant closes) {
			var length = Duration.between(opens, closes);
			var remind = length.compareTo(REMIND_BEFORE.multipliedBy(2)) > 0 ? closes.minus(REMIND_BEFORE)
					: opens.plus(length.dividedBy(2));
			return new Window(opens, closes, remind);
		}

	}

	private final SurveyStore surveys;

	private final InvitationStore invitations;

	private final SurveyForms forms;

	private final ProgrammeAccess access;

	private final PublishedGroups groups;

	private final Meetings meetings;

	private final Clock clock;

	SurveyService(SurveyStore surveys, InvitationStore invitations, SurveyForms forms, ProgrammeAccess access,
			PublishedGroups groups, Meetings meetings, Clock clock) {
		this.surveys = surveys;
		this.invitations = invitations;
		this.forms = forms;
		this.access = access;
		this.groups = groups;
		this.meetings = meetings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Overview overview(ProgrammeId id, AccountId coordinator, Language language) {
		var programme = access.coordinated(id, coordinator);
		var listed = scheduled(id, language);
		var choices = forms.available(programme.organisation())
			.stream()
			.map(f -> new Choice(f.key(), SurveyDefinition.in(f.form().title(), language), f.kind()))
			.toList();
		return new Overview(programme, groups.published(id), listed, choices);
	}

	/**
	 * Schedules the usual surveys that are not there yet: the measure before the first
	 * meeting and after the last, the participants' and the mentors' feedback after the
	 * last, and the participants' after the third when asked. Returns how many it added.
	 */
	@Transactional
	public int scheduleUsual(ProgrammeId id, boolean afterThird, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		var usual = new ArrayList<List<Object>>();
		usual.add(List.of(MEASURE, Moment.BEFORE_FIRST));
		usual.add(List.of(MEASURE, Moment.AFTER_LAST));
		usual.add(List.of(PARTICIPANT_FEEDBACK, Moment.AFTER_LAST));
		if (afterThird) {
			usual.add(List.of(PARTICIPANT_FEEDBACK, Moment.AFTER_THIRD));
		}
		usual.add(List.of(MENTOR_FEEDBACK, Moment.AFTER_LAST));
		var there = surveys.ofProgramme(id);
		var now = clock.instant();
		int added = 0;
		for (var pair : usual) {
			var key = (String) pair.get(0);
			var moment = (Moment) pair.get(1);
			if (there.stream().anyMatch(s -> s.formKey().equals(key) && s.moment() == moment)) {
				continue;
			}
			var form = forms.find(programme.organisation(), key)
				.orElseThrow(() -> new IllegalStateException("Kindred's form " + key + " is missing"));
			var window = defaultWindow(programme, moment);
			if (!window.closes().isAfter(now)) {
				continue; // its time has passed: a survey nobody could answer helps
							// nobody
			}
			insert(programme, form, moment, window, coordinator);
			added++;
		}
		return added;
	}

	/**
	 * Schedules one form of the library at one moment, in the window typed (both ends or
	 * neither: then the default window).
	 */
	@Transactional
	public Survey add(ProgrammeId id, String formKey, Moment moment, Instant opens, Instant closes,
			AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		var form = forms.find(programme.organisation(), formKey)
			.orElseThrow(() -> Refused.invalid("form", "feedback.schedule.formUnknown"));
		if (form.kind() != SurveyKind.MEASURE && moment == Moment.BEFORE_FIRST) {
			throw Refused.invalid("moment", "feedback.schedule.feedbackBeforeFirst");
		}
		var window = opens == null ? defaultWindow(programme, moment) : Window.of(opens, closes);
		check(window);
		if (surveys.ofProgramme(id).stream().anyMatch(s -> s.formKey().equals(formKey) && s.moment() == moment)) {
			throw Refused.conflict("feedback.schedule.duplicate");
		}
		return insert(programme, form, moment, window, coordinator);
	}

	/**
	 * Moves a survey's window; its reminder moves with it. Refused once it has closed.
	 */
	@Transactional
	public void changeWindow(ProgrammeId id, UUID survey, Instant opens, Instant closes, AccountId coordinator) {
		access.coordinated(id, coordinator);
		var current = own(id, surveys.lock(survey));
		if (current.closedAt(clock.instant())) {
			throw Refused.conflict("feedback.schedule.closedAlready");
		}
		var window = Window.of(opens, closes);
		check(window);
		surveys.changeWindow(survey, window.opens(), window.closes(), window.remind());
	}

	/** Removes a survey nobody has answered yet (their invitations go with it). */
	@Transactional
	public void remove(ProgrammeId id, UUID survey, AccountId coordinator) {
		access.coordinated(id, coordinator);
		own(id, surveys.lock(survey));
		var counts = invitations.counts(List.of(survey)).getOrDefault(survey, InvitationStore.Counts.NONE);
		if (counts.answered() > 0) {
			throw Refused.conflict("feedback.schedule.answeredAlready");
		}
		surveys.delete(survey);
	}

	/** One of the programme's surveys, as its coordinators see it. */
	@Transactional(readOnly = true)
	public Survey survey(ProgrammeId id, UUID survey, AccountId coordinator) {
		access.coordinated(id, coordinator);
		return own(id, surveys.find(survey));
	}

	/** A survey waiting for the person's answer, for their Home. */
	public record Waiting(Survey survey, String title) {
	}

	/** The open surveys that invited the person and that they have not answered. */
	@Transactional(readOnly = true)
	public List<Waiting> waitingFor(AccountId person, Language language) {
		return invitations.waitingFor(person, clock.instant())
			.stream()
			.map(surveys::find)
			.flatMap(Optional::stream)
			.map(s -> new Waiting(s, SurveyDefinition.in(s.form().title(), language)))
			.toList();
	}

	/**
	 * The programme's surveys with their counts, for its coordinators' Home (the caller
	 * has checked who they are).
	 */
	@Transactional(readOnly = true)
	public List<Scheduled> scheduled(ProgrammeId id, Language language) {
		var own = surveys.ofProgramme(id);
		var counts = invitations.counts(own.stream().map(Survey::id).toList());
		return own.stream().map(s -> {
			var c = counts.getOrDefault(s.id(), InvitationStore.Counts.NONE);
			return new Scheduled(s, SurveyDefinition.in(s.form().title(), language), c.invited(), c.answered());
		}).toList();
	}

	/**
	 * The window a survey at this moment gets unless the coordinator types one: around
	 * the published groups' meetings (a week before the earliest first meeting up to its
	 * start; a week from the end of the latest third; two weeks from the end of the
	 * latest last), else around the term's dates in the organisation's zone.
	 */
	@Transactional(readOnly = true)
	public Window defaultWindow(ProgrammeView programme, Moment moment) {
		var byGroup = new HashMap<UUID, List<Meeting>>();
		if (groups.published(programme.id())) {
			meetings.ofProgramme(programme.id())
				.stream()
				.filter(m -> !m.cancelled())
				.sorted(Comparator.comparing(Meeting::startsAt))
				.forEach(m -> byGroup.computeIfAbsent(m.group(), g -> new ArrayList<>()).add(m));
		}
		if (!byGroup.isEmpty()) {
			return switch (moment) {
				case BEFORE_FIRST -> {
					var first = earliest(byGroup, list -> Optional.of(list.get(0).startsAt()));
					yield Window.of(first.minus(Duration.ofDays(7)), first);
				}
				case AFTER_THIRD -> {
					var third = latest(byGroup,
							list -> list.size() >= 3 ? Optional.of(list.get(2).endsAt()) : Optional.empty());
					yield Window.of(third, third.plus(Duration.ofDays(7)));
				}
				case AFTER_LAST -> {
					var last = latest(byGroup, list -> Optional.of(list.get(list.size() - 1).endsAt()));
					yield Window.of(last, last.plus(Duration.ofDays(14)));
				}
			};
		}
		var settings = programme.settings();
		return switch (moment) {
			case BEFORE_FIRST -> {
				var start = startOf(programme, settings.termStart());
				yield Window.of(start.minus(Duration.ofDays(7)), start);
			}
			case AFTER_THIRD -> {
				var third = startOf(programme,
						settings.termStart().plusWeeks(3L * Math.max(1, settings.meetingIntervalWeeks())));
				yield Window.of(third, third.plus(Duration.ofDays(7)));
			}
			case AFTER_LAST -> {
				var end = startOf(programme, settings.termEnd());
				yield Window.of(end, end.plus(Duration.ofDays(14)));
			}
		};
	}

	private static Instant startOf(ProgrammeView programme, LocalDate day) {
		return day.atStartOfDay(programme.zone()).toInstant();
	}

	private static Instant earliest(HashMap<UUID, List<Meeting>> byGroup,
			Function<List<Meeting>, Optional<Instant>> pick) {
		return byGroup.values()
			.stream()
			.map(pick)
			.flatMap(Optional::stream)
			.min(Comparator.naturalOrder())
			.orElseThrow();
	}

	/**
	 * The latest of the groups' picks; a group with too few meetings falls back to its
	 * last.
	 */
	private static Instant latest(HashMap<UUID, List<Meeting>> byGroup,
			Function<List<Meeting>, Optional<Instant>> pick) {
		return byGroup.values()
			.stream()
			.map(list -> pick.apply(list).orElse(list.get(list.size() - 1).endsAt()))
			.max(Comparator.naturalOrder())
			.orElseThrow();
	}

	private void check(Window window) {
		if (!window.closes().isAfter(window.opens())) {
			throw Refused.invalid("closes", "feedback.schedule.closesBeforeOpens");
		}
		if (!window.closes().isAfter(clock.instant())) {
			throw Refused.invalid("closes", "feedback.schedule.closesPast");
		}
	}

	private Survey insert(ProgrammeView programme, SurveyDefinition form, Moment moment, Window window,
			AccountId coordinator) {
		var survey = new Survey(UUID.randomUUID(), programme.id(), programme.organisation(), form.key(), form.kind(),
				moment, form, window.opens(), window.closes(), window.remind(), false);
		try {
			surveys.insert(survey, coordinator.value(), clock.instant());
		}
		catch (DuplicateKeyException twice) {
			throw Refused.conflict("feedback.schedule.duplicate");
		}
		return survey;
	}

	private static Survey own(ProgrammeId id, Optional<Survey> survey) {
		return survey.filter(s -> s.programme().equals(id)).orElseThrow(() -> new NotFoundException("survey"));
	}

}
