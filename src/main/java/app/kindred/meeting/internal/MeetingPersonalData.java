package app.kindred.meeting.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.core.PersonalDataContributor;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;

/**
 * The person's group meetings in "my data": their attendance at each meeting, the texts
 * in their group's workspace they wrote last (agenda, notes, debrief), the requests for
 * staff attention they raised, and when they made their private calendar feed (never its
 * address, which is a secret).
 */
@Component
class MeetingPersonalData implements PersonalDataContributor {

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it).
	 */
	static final List<String> TABLES = List.of("meeting_attendance", "meeting_writing", "group_attention",
			"calendar_feed");

	record Meetings(List<Attendance> attendance, List<Writing> workspaceTexts, List<Attention> attentionRequests,
			OffsetDateTime calendarFeedCreatedAt) {
	}

	record Attendance(String programme, int meeting, OffsetDateTime startsAt, OffsetDateTime cancelledAt,
			boolean present) {
	}

	record Writing(String programme, int meeting, String kind, String text, OffsetDateTime editedAt) {
	}

	record Attention(String programme, String note, OffsetDateTime raisedAt, OffsetDateTime resolvedAt) {
	}

	private final MeetingStore meetings;

	private final WorkspaceStore workspaces;

	private final AttentionStore attention;

	private final CalendarFeedStore feeds;

	private final ProgrammeService programmes;

	MeetingPersonalData(MeetingStore meetings, WorkspaceStore workspaces, AttentionStore attention,
			CalendarFeedStore feeds, ProgrammeService programmes) {
		this.meetings = meetings;
		this.workspaces = workspaces;
		this.attention = attention;
		this.feeds = feeds;
		this.programmes = programmes;
	}

	@Override
	public List<Section> personalData(UUID account) {
		var language = Language.of(LocaleContextHolder.getLocale());
		var id = new AccountId(account);
		var attended = meetings.attendanceOf(id)
			.stream()
			.map(a -> new Attendance(name(a.programmeId(), language), a.number(), a.startsAt(), a.cancelledAt(),
					a.present()))
			.toList();
		var writings = workspaces.writingsOf(id)
			.stream()
			.map(w -> new Writing(name(w.programmeId(), language), w.meeting(), w.kind(), w.text(), w.editedAt()))
			.toList();
		var raised = attention.raisedBy(id)
			.stream()
			.map(f -> new Attention(name(f.programmeId(), language), f.note(), f.raisedAt(), f.resolvedAt()))
			.toList();
		var feed = feeds.createdAt(id).orElse(null);
		if (attended.isEmpty() && writings.isEmpty() && raised.isEmpty() && feed == null) {
			return List.of();
		}
		return List.of(new Section("meeting.data.meetings", 50, new Meetings(attended, writings, raised, feed)));
	}

	private String name(UUID programme, Language language) {
		return programmes.find(new ProgrammeId(programme)).map(p -> p.text(language).name()).orElse(null);
	}

}
