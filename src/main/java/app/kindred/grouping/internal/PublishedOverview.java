package app.kindred.grouping.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import app.kindred.grouping.PublishedGroupChanged;
import app.kindred.grouping.PublishedGroups;
import app.kindred.recruitment.RecruitmentRole;

/**
 * What the coordinator sees of the published groups: members, who could join, broken
 * rules, and the changes.
 */
public record PublishedOverview(List<Row> groups, List<Person> candidates, List<FormationResult.ConstraintTotal> broken,
		List<Change> changes) {

	/** Everyone in a group, for the forms that remove or move someone. */
	public List<Person> members() {
		var all = new ArrayList<Person>();
		groups.forEach(g -> {
			all.addAll(g.mentors());
			all.addAll(g.participants());
		});
		all.sort(Comparator.comparing(Person::name).thenComparing(Person::email));
		return all;
	}

	/** A published group with its members' names. */
	public record Row(PublishedGroups.Group group, List<Person> mentors, List<Person> participants) {
	}

	/**
	 * Someone by name and e-mail address (namesakes differ in it), with their group's
	 * number (0 for none).
	 */
	public record Person(UUID id, String name, String email, RecruitmentRole role, int group) {
	}

	/**
	 * One change in the audit: who made it ({@code actor} empty when it followed a
	 * withdrawal), when, and what, with the person's address beside their name.
	 */
	public record Change(Instant at, String actor, PublishedGroupChanged.How how, String person, String personEmail,
			RecruitmentRole role, int from, int to) {
	}
}
