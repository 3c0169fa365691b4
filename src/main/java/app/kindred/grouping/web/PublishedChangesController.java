package app.kindred.grouping.web;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Confirmation;
import app.kindred.core.web.Refusals;
import app.kindred.grouping.internal.GroupChangeService;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;

/**
 * Changes to the groups after publishing, made one at a time without rebuilding the rest:
 * someone added, removed (a mentor dropping out) or moved; the people affected are told,
 * so each change is confirmed first on a page that says how many ({@link Confirmation};
 * its button sends {@code confirmed=true}).
 */
@Controller
class PublishedChangesController {

	private final GroupChangeService changes;

	private final ProgrammeAccess access;

	private final GroupsPage page;

	private final Accounts accounts;

	PublishedChangesController(GroupChangeService changes, ProgrammeAccess access, GroupsPage page, Accounts accounts) {
		this.changes = changes;
		this.access = access;
		this.page = page;
		this.accounts = accounts;
	}

	/**
	 * Puts someone in no group into a published group; they and the group's mentors are
	 * told.
	 */
	@PostMapping("/programmes/{id}/groups/published/add")
	String add(@PathVariable ProgrammeId id, @RequestParam(defaultValue = "") String person,
			@RequestParam(defaultValue = "") String group, @RequestParam(defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		// The ids are read inside: who may change the groups is checked before what the
		// form names
		return change(id, user, model, response, redirect, "grouping.change.added",
				confirmed ? null : () -> changes.planAdd(id, FormIds.uuid(person), FormIds.uuid(group), user.id()),
				"add", () -> changes.add(id, FormIds.uuid(person), FormIds.uuid(group), user.id()), person, group);
	}

	/** Takes someone out of their published group, such as a mentor dropping out. */
	@PostMapping("/programmes/{id}/groups/published/remove")
	String remove(@PathVariable ProgrammeId id, @RequestParam(defaultValue = "") String person,
			@RequestParam(defaultValue = "false") boolean confirmed, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return change(id, user, model, response, redirect, "grouping.change.removed",
				confirmed ? null : () -> changes.planRemove(id, FormIds.uuid(person), user.id()), "remove",
				() -> changes.remove(id, FormIds.uuid(person), user.id()), person, null);
	}

	/** Moves someone from their published group to another. */
	@PostMapping("/programmes/{id}/groups/published/move")
	String movePublished(@PathVariable ProgrammeId id, @RequestParam(defaultValue = "") String person,
			@RequestParam(defaultValue = "") String group, @RequestParam(defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return change(id, user, model, response, redirect, "grouping.change.moved",
				confirmed ? null : () -> changes.planMove(id, FormIds.uuid(person), FormIds.uuid(group), user.id()),
				"move", () -> changes.move(id, FormIds.uuid(person), FormIds.uuid(group), user.id()), person, group);
	}

	/**
	 * Makes one change to the published groups, once confirmed on a page that says whom
	 * it tells ({@code plan} null when confirmed): kept even when it breaks a hard rule
	 * (the page names the rule), and refused with a 409, nothing changed, when it no
	 * longer fits, such as someone another coordinator placed first.
	 */
	private String change(ProgrammeId id, CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect, String done, Supplier<GroupChangeService.Planned> plan, String what,
			Runnable change, String person, String group) {
		// Who may change them comes first, before what the form names is looked at
		var programme = access.coordinated(id, user.id());
		try {
			var planned = plan == null ? null : plan.get();
			if (planned != null && planned.change().told() > 0) {
				model.addAttribute("programme", programme);
				model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
				var base = "/programmes/" + id.value() + "/groups";
				var name = name(planned.change().person());
				return Confirmation.ask("grouping.confirm." + what + ".title", name)
					.detail("grouping.confirm." + what + ".detail", name, planned.from(), planned.to())
					.told(planned.change().told(), "grouping.confirm." + what + ".told", name, planned.from(),
							planned.to())
					.confirm(base + "/published/" + what, "grouping.confirm." + what + ".button")
					.field("person", person)
					.field("group", group)
					.back(base, "grouping.confirm.back")
					.show(model);
			}
			change.run();
		}
		catch (Refused refused) {
			Refusals.show(refused, null, model, response);
			return page.render(id, user, model);
		}
		redirect.addFlashAttribute("notice", done);
		return "redirect:/programmes/" + id + "/groups";
	}

	/** The person's name and address, as the groups page lists them. */
	private String name(AccountId person) {
		return accounts.find(person).map(p -> p.displayName() + " · " + p.email()).orElse("");
	}

}
