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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Confirmation;
import app.kindred.core.web.Dates;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.meeting.Place;
import app.kindred.meeting.internal.MeetingService;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;

/**
 * Changing one meeting (its time, its place, or cancelling it) or where a whole group
 * meets: for the group's mentors and the programme's coordinators. Members are told by
 * e-mail, so each change that tells anyone is confirmed first on a page that says how
 * many people will be told ({@link Confirmation}; its button sends
 * {@code confirmed=true}). Bad input comes back at its field with what was typed (422),
 * before any confirmation; a meeting that is cancelled or has started answers 409;
 * nothing changes in either case.
 */
@Controller
class MeetingChangeController {

	private final MeetingService meetings;

	private final Clock clock;

	private final Dates dates;

	MeetingChangeController(MeetingService meetings, Clock clock, Dates dates) {
		this.meetings = meetings;
		this.clock = clock;
		this.dates = dates;
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
			BindingResult result, @RequestParam(defaultValue = "false") boolean confirmed, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var change = meetings.meetingToChange(id, meeting, user.id());
		var checked = form.check(MeetingService.zone(change.programme()), clock.instant(), result);
		if (checked.isEmpty()) {
			return page(id, meeting, user, model);
		}
		try {
			var told = confirmed ? 0 : meetings.toBeToldOfReschedule(change.programme().id(), meeting,
					checked.get().startsAt(), checked.get().minutes(), user.id());
			if (told > 0) {
				return ask(change, "reschedule", told, model)
					.detail("meeting.confirm.reschedule.detail", dates.dateTime(checked.get().startsAt()),
							checked.get().minutes())
					.field("startsAt", form.startsAt())
					.field("minutes", form.minutes())
					.show(model);
			}
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
			@ModelAttribute("placeForm") PlaceForm form, BindingResult result,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var change = meetings.meetingToChange(id, meeting, user.id());
		var checked = form.check(campuses(change.programme(), change.meeting().place(), change.group().place()),
				result);
		if (checked.isEmpty()) {
			return page(id, meeting, user, model);
		}
		try {
			var told = confirmed ? 0
					: meetings.toBeToldOfPlace(change.programme().id(), meeting, checked.get().orElse(null), user.id());
			if (told > 0) {
				return ask(change, "place", told, model)
					.detail(form.following() ? "meeting.confirm.place.followGroup" : "meeting.confirm.place.detail",
							checked.get().orElse(change.group().place()).text())
					.field("campus", form.campus())
					.field("room", form.room())
					.field("videoLink", form.videoLink())
					.field("followGroup", form.following() ? "true" : null)
					.show(model);
			}
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
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var change = meetings.meetingToChange(id, meeting, user.id());
		try {
			var told = confirmed ? 0 : meetings.toBeToldOfCancel(change.programme().id(), meeting, user.id());
			if (told > 0) {
				return ask(change, "cancel", told, model)
					.detail("meeting.confirm.cancel.detail", dates.dateTime(change.meeting().startsAt()))
					.show(model);
			}
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
			@ModelAttribute("placeForm") PlaceForm form, BindingResult result,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect) {
		var change = meetings.groupToChange(id, group, user.id());
		// The group's own place: "follow the group" means nothing here
		var typed = new PlaceForm(form.campus(), form.room(), form.videoLink(), null);
		var checked = typed.check(campuses(change.programme(), change.group().place(), Place.NONE), result);
		if (checked.isEmpty()) {
			return groupPage(id, group, user, model);
		}
		var place = checked.get().orElseThrow();
		var telling = confirmed ? null
				: meetings.toBeToldOfGroupPlace(change.programme().id(), group, place, user.id());
		if (telling != null && telling.told() > 0) {
			var path = "/programmes/" + id.value() + "/meetings/groups/" + group;
			model.addAttribute("programme", change.programme());
			model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
			return Confirmation.ask("meeting.confirm.groupPlace.title", change.group().group().number())
				.detail("meeting.confirm.groupPlace.detail", telling.moving(), place.text())
				.told(telling.told(), "meeting.confirm.toldGroup", change.group().group().number())
				.confirm(path + "/place", "meeting.confirm.groupPlace.button")
				.field("campus", form.campus())
				.field("room", form.room())
				.field("videoLink", form.videoLink())
				.back(path, "meeting.confirm.backToGroup")
				.show(model);
		}
		int moved = meetings.changeGroupPlace(change.programme().id(), group, place, user.id());
		return done(change.coordinator(), id, moved > 0 ? "meeting.groupPlaceChanged" : "meeting.groupPlaceSaved",
				redirect);
	}

	/**
	 * The confirmation of a change to one meeting: what it is, and how many members it
	 * tells.
	 */
	private Confirmation ask(MeetingService.MeetingChange change, String what, int told, Model model) {
		model.addAttribute("programme", change.programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		var path = "/programmes/" + change.programme().id().value() + "/meetings/" + change.meeting().id();
		int group = change.group().group().number();
		return Confirmation.ask("meeting.confirm." + what + ".title", change.meeting().number(), group)
			.told(told, "meeting.confirm.toldGroup", group)
			.confirm(path + "/" + what, "meeting.confirm." + what + ".button")
			.back(path, "meeting.confirm.back");
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
