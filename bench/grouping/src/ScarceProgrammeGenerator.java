import app.kindred.core.Language;
import app.kindred.grouping.internal.FormationProblem;
import app.kindred.grouping.internal.FormationProblem.Availability;
import app.kindred.grouping.internal.FormationProblem.Person;
import app.kindred.recruitment.RecruitmentRole;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A programme as real ones turn out (issue 18), deterministic with the seed: mentors are scarce (participants / 5.5 to
 * / 6, so one pair per 11 to 12 participants, fewer than the groups want); 5 or 6 candidate slots of which two weekday
 * evenings are popular and most people can come only to one or both of those; fi/en/sv (mostly fi, some en, few sv,
 * about 15 % bilingual); 40 % campus-only over 2 or 3 campuses, the rest remote-capable (half of them also reach a
 * campus); about a quarter of the mentors mark their times only as POSSIBLE; skewed departments; min size 4 or 5, max
 * size 10; three mentors per group allowed in about a third of the seeds.
 */
final class ScarceProgrammeGenerator {

	private static final List<String> POPULAR = List.of("TUE1618", "WED1618");
	private static final List<String> OTHER = List.of("MON1618", "THU1618", "THU1214", "FRI1012");
	private static final List<String> ALL_CAMPUSES = List.of("City Centre", "Lakeside", "North Campus");
	private static final int DEPARTMENTS = 15;

	private final Random random;
	private final List<String> slots;
	private final List<String> others;
	private final List<String> campuses;

	private ScarceProgrammeGenerator(long seed) {
		this.random = new Random(seed * 1_000_003L + 18);
		int slotCount = 5 + random.nextInt(2);
		this.others = OTHER.subList(0, slotCount - POPULAR.size());
		var all = new ArrayList<String>(POPULAR);
		all.addAll(others);
		this.slots = List.copyOf(all);
		this.campuses = ALL_CAMPUSES.subList(0, 2 + random.nextInt(2));
	}

	static FormationProblem generate(int participants, long seed) {
		return new ScarceProgrammeGenerator(seed).make(participants);
	}

	private FormationProblem make(int participantCount) {
		double perMentor = 5.5 + random.nextDouble() * 0.5;
		int mentorCount = Math.max(2, (int) Math.round(participantCount / perMentor));
		int minSize = 4 + random.nextInt(2);
		boolean three = random.nextDouble() < 0.35;
		var people = new ArrayList<Person>();
		long arrival = 0;
		for (int i = 0; i < mentorCount; i++) {
			people.add(person(RecruitmentRole.MENTOR, arrival++));
		}
		for (int i = 0; i < participantCount; i++) {
			people.add(person(RecruitmentRole.PARTICIPANT, arrival++));
		}
		return new FormationProblem(slots, minSize, 10, three, campuses, people, List.of(), 3,
				FormationProblem.Weights.DEFAULTS);
	}

	private Person person(RecruitmentRole role, long arrival) {
		var id = new UUID(random.nextLong(), random.nextLong());
		var languages = new HashSet<Language>();
		double l = random.nextDouble();
		var primary = l < 0.72 ? Language.FI : l < 0.93 ? Language.EN : Language.SV;
		languages.add(primary);
		if (random.nextDouble() < 0.15) {
			languages.add(primary == Language.EN ? Language.FI : Language.EN);
		}
		boolean remote;
		Set<String> reach = new HashSet<>();
		double m = random.nextDouble();
		if (m < 0.40) {
			remote = false;
			reach.add(campuses.get(random.nextInt(campuses.size())));
			if (random.nextDouble() < 0.1) {
				reach.add(campuses.get(random.nextInt(campuses.size())));
			}
		}
		else {
			remote = true;
			if (m < 0.70) {
				reach.add(campuses.get(random.nextInt(campuses.size())));
			}
		}
		// Most can come only to one or both popular evenings; the rest add one other slot or have only others.
		var times = new ArrayList<String>();
		var first = POPULAR.get(random.nextDouble() < 0.55 ? 0 : 1);
		var second = POPULAR.get(first.equals(POPULAR.get(0)) ? 1 : 0);
		double a = random.nextDouble();
		if (a < 0.40) {
			times.add(first);
		}
		else if (a < 0.72) {
			times.add(first);
			times.add(second);
		}
		else if (a < 0.90) {
			times.add(first);
			times.add(others.get(random.nextInt(others.size())));
		}
		else {
			times.add(others.get(random.nextInt(others.size())));
			var another = others.get(random.nextInt(others.size()));
			if (!times.contains(another)) {
				times.add(another);
			}
		}
		boolean onlyPossible = role == RecruitmentRole.MENTOR && random.nextDouble() < 0.25;
		Map<String, Availability> availability = new LinkedHashMap<>();
		for (int i = 0; i < times.size(); i++) {
			availability.put(times.get(i),
					onlyPossible || i > 0 ? Availability.POSSIBLE : Availability.PREFERRED);
		}
		// Skewed departments: the first few are much larger.
		var department = "D" + (1 + (int) Math.floor(DEPARTMENTS * Math.pow(random.nextDouble(), 2)));
		boolean experienced = role == RecruitmentRole.MENTOR && random.nextDouble() < 0.4;
		return new Person(id, role, arrival, languages, remote, reach, availability, department, null, experienced);
	}
}
