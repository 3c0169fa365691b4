package app.kindred.meeting.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.CalendarEvent;
import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Tokens;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.meeting.Meeting;
import app.kindred.programme.MeetingTheme;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.training.MentorSession;
import app.kindred.training.TrainingService;

/**
 * Each person's private calendar feed: their group meetings (as mentor or participant)
 * and, for mentors, their trainings and supervision sessions, behind an address with a
 * secret in it that they can replace at any time.
 *
 * <p>
 * The secret is stored as it is, not hashed like the secrets of e-mailed links: a feed
 * address is meant to be looked up again on the person's page and copied into another
 * calendar, and whoever reads the database reads the schedules themselves anyway.
 * Resetting it is the remedy for an address that leaked.
 */
@Service
public class CalendarFeedService {

	private final CalendarFeedStore store;

	private final MeetingService meetings;

	private final TrainingService training;

	private final Accounts accounts;

	private final ProgrammeService programmes;

	private final MessageSource messages;

	private final KindredProperties properties;

	private final Clock clock;

	CalendarFeedService(CalendarFeedStore store, MeetingService meetings, TrainingService training, Accounts accounts,
			ProgrammeService programmes, MessageSource messages, KindredProperties properties, Clock clock) {
		this.store = store;
		this.meetings = meetings;
		this.training = training;
		this.accounts = accounts;
		this.programmes = programmes;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	/** The person's feed address, if they have made one. */
	@Transactional(readOnly = true)
	public Optional<String> address(AccountId person) {
		return store.token(person).map(this::address);
	}

	/**
	 * Makes a new address for the person's feed; the old one, if any, stops working at
	 * once.
	 */
	@Transactional
	public String reset(AccountId person) {
		var token = Tokens.newToken();
		store.replaceToken(person, token, clock.instant());
		return address(token);
	}

	/** The feed behind a secret, as an iCalendar file; an unknown secret is not found. */
	@Transactional(readOnly = true)
	public byte[] feed(String token) {
		var person = store.accountOf(token).flatMap(accounts::find).orElseThrow(() -> new NotFoundException("feed"));
		var language = person.language() == null ? Language.EN : person.language();
		var locale = language.locale();
		var events = new ArrayList<CalendarEvent>();
		for (var schedule : meetings.schedulesOf(person.id())) {
			programmes.find(schedule.group().programme())
				.ifPresent(programme -> schedule.meetings()
					.forEach(m -> events.add(meeting(m, schedule.theme(m), programme, language))));
		}
		for (var session : training.sessionsOf(person.id())) {
			programmes.find(session.programme())
				.ifPresent(p -> events.add(session(session, p.text(language).name(), locale)));
		}
		return CalendarEvent.file(messages.getMessage("meeting.calendar.feedName", null, locale), events);
	}

	/**
	 * One meeting of the member's own group as a calendar file, for its download; any
	 * other meeting is not found.
	 */
	@Transactional(readOnly = true)
	public byte[] meetingFile(ProgrammeId id, UUID meeting, AccountId member, Language language) {
		var mine = meetings.mine(id, member);
		var m = mine.group()
			.meetings()
			.stream()
			.filter(x -> x.id().equals(meeting))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("meeting"));
		return CalendarEvent.file(mine.programme().text(language).name(),
				List.of(meeting(m, mine.group().theme(m), mine.programme(), language)));
	}

	private CalendarEvent meeting(Meeting m, MeetingTheme theme, ProgrammeView programme, Language language) {
		var locale = language.locale();
		var name = programme.text(language).name();
		var summary = theme == null
				? messages.getMessage("meeting.calendar.summary", new Object[] { name, m.number() }, locale)
				: messages.getMessage("meeting.calendar.summaryWithTheme",
						new Object[] { name, m.number(), theme.theme() }, locale);
		var where = m.place().text();
		var link = properties.link("/programmes/" + programme.id().value() + "/my-meetings");
		return new CalendarEvent(m.uid(), m.startsAt(), m.endsAt(), summary, where.isEmpty() ? null : where, link,
				m.cancelled(), m.sequence());
	}

	private CalendarEvent session(MentorSession s, String programmeName, Locale locale) {
		var summary = messages.getMessage("meeting.calendar.session",
				new Object[] { programmeName, s.kind().ordinal() }, locale);
		var where = s.place() != null && s.videoLink() != null ? s.place() + " · " + s.videoLink()
				: s.place() != null ? s.place() : s.videoLink();
		var link = properties.link("/programmes/" + s.programme().value() + "/my-training");
		// The same uid as the session's mailed invitation, so both are one entry in a
		// calendar
		return new CalendarEvent(s.id() + "@kindred", s.startsAt(), s.endsAt(), summary, where, link, s.cancelled());
	}

	private String address(String token) {
		return properties.link("/calendar/feed/" + token + ".ics");
	}

}
