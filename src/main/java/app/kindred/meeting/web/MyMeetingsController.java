package app.kindred.meeting.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.kindred.core.CalendarEvent;
import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.meeting.internal.CalendarFeedService;
import app.kindred.meeting.internal.MeetingService;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;

/**
 * A member's own group's meetings: when, where or by which link, and each meeting's theme
 * (participants see only the theme); mentors also find how to change them. Each meeting
 * downloads as a calendar file.
 */
@Controller
class MyMeetingsController {

	private final MeetingService meetings;

	private final CalendarFeedService calendars;

	private final RecruitmentService recruitment;

	private final Clock clock;

	MyMeetingsController(MeetingService meetings, CalendarFeedService calendars, RecruitmentService recruitment,
			Clock clock) {
		this.meetings = meetings;
		this.calendars = calendars;
		this.recruitment = recruitment;
		this.clock = clock;
	}

	@GetMapping("/programmes/{id}/my-meetings")
	String mine(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var mine = meetings.mine(id, user.id());
		model.addAttribute("mine", mine);
		model.addAttribute("movedFrom", meetings.firstStarts(mine.group().group().id()));
		model.addAttribute("others", meetings.others(mine.programme().id(), user.id()));
		model.addAttribute("programme", mine.programme());
		// A mentor taking the programme for credits finds their course from here
		model.addAttribute("courseLink",
				mine.mentor() && mine.programme().settings().creditCourse()
						&& recruitment.answers(id, RecruitmentRole.MENTOR, user.id())
							.map(a -> a.details().forCredit())
							.orElse(false));
		model.addAttribute("now", clock.instant());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "meeting/mine";
	}

	@GetMapping("/programmes/{id}/my-meetings/{meeting}/calendar.ics")
	ResponseEntity<byte[]> calendar(@PathVariable ProgrammeId id, @PathVariable UUID meeting,
			@AuthenticationPrincipal CurrentUser user) {
		var file = calendars.meetingFile(id, meeting, user.id(), Language.of(LocaleContextHolder.getLocale()));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, CalendarEvent.CONTENT_TYPE)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("group-meeting.ics", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(file);
	}

}
