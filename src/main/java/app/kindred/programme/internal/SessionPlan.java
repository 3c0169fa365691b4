package app.kindred.programme.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.kindred.core.Language;
import app.kindred.organisation.OrganisationId;

/**
 * A session plan as the library lists it: its names, whose it is ({@code organisation} is
 * null for a plan Kindred ships, which nobody can change) and its versions, newest first.
 */
public record SessionPlan(SessionPlanId id, OrganisationId organisation, Map<Language, String> names,
		List<Version> versions) {

	public SessionPlan {
		names = Map.copyOf(names);
		versions = List.copyOf(versions);
	}

	/** A version without its meetings, and how many programmes use it. */
	public record Version(PlanVersionId id, int number, PlanStatus status, Instant publishedAt, int meetings,
			int programmes) {
	}

	public boolean shipped() {
		return organisation == null;
	}

	public String name(Language wanted) {
		return names.getOrDefault(wanted, names.getOrDefault(Language.EN, names.values().iterator().next()));
	}

	/** The newest published version: what a programme picking this plan gets. */
	public Optional<Version> current() {
		return versions.stream().filter(v -> v.status() == PlanStatus.PUBLISHED).findFirst();
	}

	public Optional<Version> draft() {
		return versions.stream().filter(v -> v.status() == PlanStatus.DRAFT).findFirst();
	}
}
