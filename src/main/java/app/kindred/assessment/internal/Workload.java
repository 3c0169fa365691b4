package app.kindred.assessment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.kindred.programme.ProgrammeId;

/**
 * A mentor's workload in the course, computed when read: per part, the hours counted from
 * attendance (trainings and supervision towards TRAINING, the group's meetings held with
 * them present towards GROUPS, each with its real length) and the hours they logged,
 * against the part's target; the reading list with what they marked read. The teachers'
 * overview reads the attendance counts and the hours per part from it.
 */
public record Workload(ProgrammeId programme, List<Part> parts, int targetHours, int trainingsAttended,
		int supervisionsAttended, int meetingsAttended, int meetingsHeld, Reading reading) {

	public Workload {
		parts = List.copyOf(parts);
	}

	/** What counts a session or a meeting attended towards the workload. */
	public enum Kind {

		TRAINING, SUPERVISION, MEETING

	}

	/**
	 * A training, make-up training, supervision session or group meeting attended, with
	 * its real length. {@code number} is a meeting's number, 0 for sessions.
	 */
	public record Attended(Kind kind, UUID id, Instant startsAt, int minutes, int number) {
	}

	/** Hours the mentor logged by hand. */
	public record Entry(UUID id, WorkloadPart part, LocalDate date, int minutes, String note, Instant createdAt) {
	}

	/** One part: its target, what attendance counts to it and what the mentor logged. */
	public record Part(WorkloadPart part, int targetHours, List<Attended> attended, List<Entry> logged) {

		public Part {
			attended = List.copyOf(attended);
			logged = List.copyOf(logged);
		}

		public int attendedMinutes() {
			return attended.stream().mapToInt(Attended::minutes).sum();
		}

		public int loggedMinutes() {
			return logged.stream().mapToInt(Entry::minutes).sum();
		}

		public int minutes() {
			return attendedMinutes() + loggedMinutes();
		}

		public boolean belowTarget() {
			return minutes() < targetHours * 60;
		}

		/**
		 * How much of the target is done, 0 to 100 (a bar cannot show more than full).
		 */
		public int percent() {
			return Workload.percent(minutes(), targetHours);
		}

	}

	/** The reading list as the mentor sees it, in order. */
	public record Reading(List<Item> items) {

		public Reading {
			items = List.copyOf(items);
		}

		public long read() {
			return items.stream().filter(Item::read).count();
		}

		public int size() {
			return items.size();
		}

	}

	/** An entry of the reading list; {@code readAt} null until the mentor marks it. */
	public record Item(UUID id, int position, String citation, Instant readAt) {

		public boolean read() {
			return readAt != null;
		}

	}

	public int minutes() {
		return parts.stream().mapToInt(Part::minutes).sum();
	}

	public int percent() {
		return percent(minutes(), targetHours);
	}

	/** The parts still below their target, in order. */
	public List<Part> belowTarget() {
		return parts.stream().filter(Part::belowTarget).toList();
	}

	public Part part(WorkloadPart part) {
		return parts.stream().filter(p -> p.part() == part).findFirst().orElseThrow();
	}

	/** Every entry logged by hand, newest first. */
	public List<Entry> logged() {
		return parts.stream()
			.flatMap(p -> p.logged().stream())
			.sorted((a, b) -> b.date().compareTo(a.date()) != 0 ? b.date().compareTo(a.date())
					: b.createdAt().compareTo(a.createdAt()))
			.toList();
	}

	static int percent(int minutes, int targetHours) {
		if (targetHours <= 0) {
			return 100;
		}
		return (int) Math.min(100, minutes * 100L / (targetHours * 60L));
	}

}
