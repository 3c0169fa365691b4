package app.kindred.programme.internal;

import java.time.Instant;
import java.util.List;
import app.kindred.core.NotFoundException;

/** A version of a session plan with its meetings in order. */
public record PlanVersion(PlanVersionId id, SessionPlanId plan, int number, PlanStatus status, Instant publishedAt,
		List<MeetingPlan> meetings) {

	public PlanVersion {
		meetings = List.copyOf(meetings);
	}

	public MeetingPlan meeting(int number) {
		return meetings.stream()
			.filter(m -> m.number() == number)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("meeting"));
	}
}
