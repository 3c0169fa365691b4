package app.kindred.meeting.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.meeting.Place;
import app.kindred.meeting.internal.MeetingService;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;

/**
 * Changing one meeting (its time, its place, or cancelling it) or where a whole group
 * meets: for the group's mentors and the programme's coordinators. Members are told by
 * e-mail. Bad input comes back at its field with what was typed (422); a meeting that is
 * cancelled or has started answers 409; nothing changes in either case.
 */
@Controller
class MeetingChangeController {

	private final MeetingService meetings;

	private final Clock clock;

	MeetingChangeController(MeetingService meetings, Clock clock) {
		this.meetings = meetings;
		this.clock = clock;
	}

	@GetMapping("/programmes/{id}/meetings/{meeting}")
	String page(@PathVariable ProgrammeId id, @PathVariable UUID meeting, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		var change = meetings.meetingToChange(id, meeting, user.id());
		var zone = MeetingService.zone(change.programme());
		if (!model.containsAttribute("rescheduleForm")) {
			model.addAttribute("rescheduleForm", RescheduleForm.of(change.meeting(), zone));
		}
		if (!model.containsAttribute("placeForm")) {
			model.addAttribute("placeForm", PlaceForm.of(change.meeting().place(), !change.meeting().ownPlace()));
		}
		model.addAttribute("change", change);
		model.addAttribute("programme", change.programme());
		model.addAttribute("campuses", campuses(change.programme(), change.meeting().place(), change.group().place()));
		model.addAttribute("zone", zone.getId());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "meeting/meeting";
	}

	@PostMapping("/programmes/{id}/meetings/{meeting}/reschedule")
	String reschedule(@PathVariable ProgrammeId id, @PathVariable UUID meeting,
			@AuthenticationPrincipal CurrentUser user, @ModelAttribute("rescheduleForm") RescheduleForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var change = meetings.meetingToChange(id, meeting, user.id());
		var checked = form.check(MeetingService.zone(change.programme()), clock.instant(), result);
		if (checked.isEmpty()) {
			return page(id, meeting, user, model);
		}
		try {
			var changed = meetings.reschedule(change.programme().id(), meeting, checked.get().startsAt(),
					checked.get().minutes(), user.id());
			return done(change.coordinator(), id, changed ? "meeting.rescheduled" : "meeting.unchanged", redirect);
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return page(id, meeting, user, model);
		}
	}

	@PostMapping("/programmes/{id}/meetings/{meeting}/place")
	String place(@PathVariable ProgrammeId id, @PathVariable UUID meeting, @AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("placeForm") PlaceForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var change = meetings.meetingToChange(id, meeting, user.id());
		var checked = form.check(campuses(change.programme(), change.meeting().place(), change.group().place()),
				result);
		if (checked.isEmpty()) {
			return page(id, meeting, user, model);
		}
		try {
			var changed = meetings.changePlace(change.programme().id(), meeting, checked.get().orElse(null), user.id());
			return done(change.coordinator(), id, changed ? "meeting.placeChanged" : "meeting.unchanged", redirect);
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return page(id, meeting, user, model);
		}
	}

	@PostMapping("/programmes/{id}/meetings/{meeting}/cancel")
	String cancel(@PathVariable ProgrammeId id, @PathVariable UUID meeting, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var change = meetings.meetingToChange(id, meeting, user.id());
		try {
			var changed = meetings.cancel(change.programme().id(), meeting, user.id());
			return done(change.coordinator(), id, changed ? "meeting.cancelled" : "meeting.unchanged", redirect);
		}
		catch (Refused refused) {
			Refusals.show(refused, null, model, response);
			return page(id, meeting, user, model);
		}
	}

	@GetMapping("/programmes/{id}/meetings/groups/{group}")
	String groupPage(@PathVariable ProgrammeId id, @PathVariable UUID group, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		var change = meetings.groupToChange(id, group, user.id());
		if (!model.containsAttribute("placeForm")) {
			model.addAttribute("placeForm", PlaceForm.of(change.group().place(), false));
		}
		model.addAttribute("change", change);
		model.addAttribute("programme", change.programme());
		model.addAttribute("campuses", campuses(change.programme(), change.group().place(), Place.NONE));
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "meeting/group";
	}

	@PostMapping("/programmes/{id}/meetings/groups/{group}/place")
	String groupPlace(@PathVariable ProgrammeId id, @PathVariable UUID group, @AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("placeForm") PlaceForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var change = meetings.groupToChange(id, group, user.id());
		// The group's own place: "follow the group" means nothing here
		var typed = new PlaceForm(form.campus(), form.room(), form.videoLink(), null);
		var checked = typed.check(campuses(change.programme(), change.group().place(), Place.NONE), result);
		if (checked.isEmpty()) {
			return groupPage(id, group, user, model);
		}
		int moved = meetings.changeGroupPlace(change.programme().id(), group, checked.get().orElseThrow(), user.id());
		return done(change.coordinator(), id, moved > 0 ? "meeting.groupPlaceChanged" : "meeting.groupPlaceSaved",
				redirect);
	}

	private String done(boolean coordinator, ProgrammeId id, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/programmes/" + id + (coordinator ? "/meetings" : "/my-meetings");
	}

	/**
	 * The programme's campuses, and any campus a place already names (it may have left
	 * the programme's list).
	 */
	private static List<String> campuses(ProgrammeView programme, Place place, Place other) {
		var campuses = new ArrayList<>(programme.settings().campuses());
		for (var p : List.of(place, other)) {
			if (p.campus() != null && !campuses.contains(p.campus())) {
				campuses.add(p.campus());
			}
		}
		return campuses;
	}

}
