package app.kindred.grouping;

import java.util.List;
import java.util.UUID;

import app.kindred.programme.ProgrammeId;

/**
 * The coordinator published a programme's groups: once per programme, after the
 * per-person {@link GroupPublished} events, for modules that act on the groups as a whole
 * (their meetings). Read the groups with {@link PublishedGroups#groups}.
 */
public record GroupsPublished(ProgrammeId programme, List<UUID> groups) {

	public GroupsPublished {
		groups = List.copyOf(groups);
	}
}
