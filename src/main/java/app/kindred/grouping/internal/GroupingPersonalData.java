package app.kindred.grouping.internal;

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
 * The person's groups in "my data": each group they are in with their role in it, the
 * coordinators' changes to their place after the groups were published, and the draft
 * groups a coordinator pinned them to.
 */
@Component
class GroupingPersonalData implements PersonalDataContributor {

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it).
	 */
	static final List<String> TABLES = List.of("group_member", "group_change", "group_pin");

	record Groups(List<Group> groups, List<Change> changes, List<String> pinnedInDraft) {
	}

	record Group(String programme, int number, String weeklyTime, String language, String campus, String role,
			OffsetDateTime publishedAt) {
	}

	record Change(String programme, String action, String role, Integer fromGroup, Integer toGroup, OffsetDateTime at) {
	}

	private final PublishedGroupStore published;

	private final ProposalStore proposals;

	private final ProgrammeService programmes;

	GroupingPersonalData(PublishedGroupStore published, ProposalStore proposals, ProgrammeService programmes) {
		this.published = published;
		this.proposals = proposals;
		this.programmes = programmes;
	}

	@Override
	public List<Section> personalData(UUID account) {
		var language = Language.of(LocaleContextHolder.getLocale());
		var id = new AccountId(account);
		var groups = published.membershipsOf(id)
			.stream()
			.map(g -> new Group(name(g.programmeId(), language), g.number(), g.slot(), g.language(), g.campus(),
					g.role(), g.publishedAt()))
			.toList();
		var changes = published.changesOf(id)
			.stream()
			.map(c -> new Change(name(c.programmeId(), language), c.action(), c.role(), c.fromGroup(), c.toGroup(),
					c.at()))
			.toList();
		var pinned = proposals.pinnedIn(account).stream().map(p -> name(p, language)).toList();
		if (groups.isEmpty() && changes.isEmpty() && pinned.isEmpty()) {
			return List.of();
		}
		return List.of(new Section("grouping.data.groups", 40, new Groups(groups, changes, pinned)));
	}

	private String name(UUID programme, Language language) {
		return programmes.find(new ProgrammeId(programme)).map(p -> p.text(language).name()).orElse(null);
	}

}
