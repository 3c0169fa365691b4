package app.kindred.notification.internal;

import java.time.format.TextStyle;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.core.Times;
import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.grouping.GroupPublished;
import app.kindred.grouping.PublishedGroupChanged;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.Call;
import java.util.UUID;
import app.kindred.recruitment.RecruitmentRole;

/**
 * Tells each person their group once the coordinator publishes the groups, or that none
 * could take them; and, for each later change, the person who joined their group, the
 * person taken out, and the mentors of the groups left and joined. Names follow the
 * programme's roster rule, as grouping applies it.
 */
@Component
class GroupMails {

	private final MailComposer mail;

	private final Accounts accounts;

	private final ProgrammeService programmes;

	private final PublishedGroups groups;

	private final KindredProperties properties;

	GroupMails(MailComposer mail, Accounts accounts, ProgrammeService programmes, PublishedGroups groups,
			KindredProperties properties) {
		this.mail = mail;
		this.accounts = accounts;
		this.programmes = programmes;
		this.groups = groups;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(GroupPublished event) {
		var person = accounts.find(event.person()).orElse(null);
		var programme = programmes.find(event.programme()).orElse(null);
		if (person == null || programme == null) {
			return; // nobody to tell any more
		}
		var language = person.language();
		if (!event.placed()) {
			mail.send(person.email(), language, "group.none", person.displayName(), programme.text(language).name());
			return;
		}
		// The others as the group is now; if the person has been moved since, their
		// move's mail names the others
		var others = groups.seenBy(event.programme(), event.person())
			.filter(g -> g.number() == event.number())
			.map(PublishedGroups.MyGroup::members)
			.orElse(List.of());
		sendPlace(person, programme, "group.assigned", event.role(), event.number(), event.slot(), event.language(),
				event.campus(), others);
	}

	@ApplicationModuleListener
	void on(PublishedGroupChanged event) {
		var programme = programmes.find(event.programme()).orElse(null);
		if (programme == null) {
			return;
		}
		var person = accounts.find(event.person()).orElse(null);
		if (person != null && event.tellsPerson()) {
			switch (event.how()) {
				case ADDED,
						MOVED ->
					groups.seenBy(event.to(), event.person(), event.role())
						.ifPresent(g -> sendPlace(person, programme,
								event.how() == PublishedGroupChanged.How.MOVED ? "group.moved" : "group.assigned",
								g.role(), g.number(), g.slot(), g.language(), g.campus(), g.members()));
				case REMOVED -> groups.group(event.from())
					.ifPresent(g -> mail.send(person.email(), person.language(), "group.removed", person.displayName(),
							programme.text(person.language()).name(), g.number(), programme.settings().contactName(),
							programme.settings().contactEmail()));
				// They stepped back, or were told of recruitment's decision: nothing more
				// to tell them
				case WITHDREW, LOST_PLACE -> {
				}
			}
		}
		// Mentors see their whole group, so they are told the name whatever the roster
		// rule
		var name = person == null ? "" : person.displayName();
		tellMentors(event.fromMentors(), event.from(), programme, "group.memberLeft", name, event.role());
		tellMentors(event.toMentors(), event.to(), programme, "group.memberJoined", name, event.role());
	}

	private void tellMentors(List<AccountId> mentors, UUID group, ProgrammeView programme, String kind, String name,
			RecruitmentRole role) {
		if (mentors.isEmpty() || group == null) {
			return;
		}
		var number = groups.group(group).map(PublishedGroups.Group::number).orElse(0);
		var link = properties.link("/programmes/" + programme.id().value() + "/my-group");
		accounts.findAll(mentors).values().forEach(mentor -> {
			var language = mentor.language();
			mail.send(mentor.email(), language, kind, mentor.displayName(), programme.text(language).name(), number,
					mail.text(language, "mail.group.member", name, mentorFlag(role)), link);
		});
	}

	private void sendPlace(AccountSummary person, ProgrammeView programme, String kind, RecruitmentRole role,
			int number, String slot, Language groupLanguage, String campus, List<PublishedGroups.Member> others) {
		var language = person.language();
		var locale = language.locale();
		var when = Call.Slot.ofKey(slot)
			.map(s -> s.day().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " "
					+ Times.time(locale).format(s.starts()))
			.orElse(slot);
		var where = campus != null ? campus
				: programme.settings().videoLink() != null ? programme.settings().videoLink() : "";
		var link = properties.link("/programmes/" + programme.id().value() + "/my-group");
		mail.send(person.email(), language, kind, person.displayName(), programme.text(language).name(), number, when,
				groupLanguage.ordinal(), where, link, mentorFlag(role), roster(language, role, programme, others));
	}

	/**
	 * The others' names as a paragraph, or nothing: {@link PublishedGroups} has left out
	 * whom this person may not see. A participant of a programme that does not share its
	 * roster sees only the mentors.
	 */
	private String roster(Language language, RecruitmentRole role, ProgrammeView programme,
			List<PublishedGroups.Member> others) {
		if (others.isEmpty()) {
			return "";
		}
		var names = others.stream()
			.map(m -> mail.text(language, "mail.group.member", m.name(), mentorFlag(m.role())))
			.collect(Collectors.joining(", "));
		var shown = role == RecruitmentRole.MENTOR || programme.settings().shareRoster();
		return "\n\n" + mail.text(language, shown ? "mail.group.others" : "mail.group.mentors",
				shown ? names : others.stream().map(PublishedGroups.Member::name).collect(Collectors.joining(", ")));
	}

	private static int mentorFlag(RecruitmentRole role) {
		return role == RecruitmentRole.MENTOR ? 1 : 0;
	}

}
