import app.kindred.core.Language;
import app.kindred.grouping.internal.FormationProblem;
import app.kindred.grouping.internal.FormationProblem.Availability;
import app.kindred.grouping.internal.FormationProblem.Person;
import app.kindred.recruitment.RecruitmentRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Makes a realistic programme with a fixed seed: mentors about participants / 4; availability concentrated on a few
 * popular slots; about 20 % speak two languages; about 30 % can only come to a campus; departments of skewed sizes.
 * Groups of 4 to 10 including two mentors; at most 3 from one department.
 */
final class ProgrammeGenerator {

	private static final List<String> ALL_SLOTS = List.of("TUE1618", "WED1618", "MON1618", "THU1416", "TUE1416",
			"WED1214", "MON1012", "THU1618", "FRI1012", "WED0810", "MON1416", "FRI1214");
	private static final List<String> ALL_CAMPUSES = List.of("City Centre", "Lakeside", "North Campus");
	private static final int DEPARTMENTS = 25;

	private final Random random;
	private final List<String> slots;
	private final List<String> campuses;
	private final double[] slotWeights;
	private final double[] departmentWeights;

	private ProgrammeGenerator(int participants) {
		this.random = new Random(20250917L * 31 + participants);
		this.slots = ALL_SLOTS.subList(0, participants < 100 ? 5 : participants < 500 ? 8 : 12);
		this.campuses = ALL_CAMPUSES.subList(0, participants < 500 ? 2 : 3);
		this.slotWeights = new double[slots.size()];
		for (int i = 0; i < slotWeights.length; i++) {
			slotWeights[i] = 1.0 / Math.pow(i + 1, 1.3);
		}
		this.departmentWeights = new double[DEPARTMENTS];
		for (int i = 0; i < DEPARTMENTS; i++) {
			departmentWeights[i] = 1.0 / (i + 1);
		}
	}

	static FormationProblem generate(int participants) {
		return new ProgrammeGenerator(participants).make(participants);
	}

	private FormationProblem make(int participantCount) {
		int mentorCount = Math.max(2, Math.round(participantCount / 4f));
		var people = new ArrayList<Person>();
		long arrival = 0;
		var mentors = new ArrayList<Person>();
		for (int i = 0; i < mentorCount; i++) {
			mentors.add(person(RecruitmentRole.MENTOR, arrival++, null, random.nextDouble() < 0.4));
		}
		people.addAll(wishes(mentors));
		for (int i = 0; i < participantCount; i++) {
			people.add(person(RecruitmentRole.PARTICIPANT, arrival++, null, false));
		}
		return new FormationProblem(slots, 4, 10, false, campuses, people, List.of(), 3,
				FormationProblem.Weights.DEFAULTS);
	}

	/** About 10 % of mentors in mutual pairs (sharing a slot and language), 5 % with a one-sided wish. */
	private List<Person> wishes(List<Person> mentors) {
		var wish = new HashMap<Integer, UUID>();
		for (int i = 0; i < mentors.size(); i++) {
			if (wish.containsKey(i) || random.nextDouble() >= 0.05) {
				continue;
			}
			for (int tries = 0; tries < 30; tries++) {
				int j = random.nextInt(mentors.size());
				if (j != i && !wish.containsKey(j) && share(mentors.get(i), mentors.get(j))) {
					wish.put(i, mentors.get(j).id());
					wish.put(j, mentors.get(i).id());
					break;
				}
			}
		}
		for (int i = 0; i < mentors.size(); i++) {
			if (!wish.containsKey(i) && random.nextDouble() < 0.05) {
				wish.put(i, mentors.get(random.nextInt(mentors.size())).id());
			}
		}
		var result = new ArrayList<Person>();
		for (int i = 0; i < mentors.size(); i++) {
			var m = mentors.get(i);
			var w = wish.get(i);
			result.add(new Person(m.id(), m.role(), m.arrival(), m.languages(), m.remote(), m.campuses(),
					m.availability(), m.department(), m.id().equals(w) ? null : w, m.experienced()));
		}
		return result;
	}

	private static boolean share(Person a, Person b) {
		return a.languages().stream().anyMatch(b.languages()::contains)
				&& a.availability().keySet().stream().anyMatch(b.availability()::containsKey);
	}

	private Person person(RecruitmentRole role, long arrival, UUID wish, boolean experienced) {
		var id = new UUID(random.nextLong(), random.nextLong());
		var languages = new HashSet<Language>();
		double l = random.nextDouble();
		var primary = l < 0.65 ? Language.FI : l < 0.92 ? Language.EN : Language.SV;
		languages.add(primary);
		if (random.nextDouble() < 0.2) {
			languages.add(primary == Language.EN ? (random.nextDouble() < 0.8 ? Language.FI : Language.SV)
					: Language.EN);
		}
		boolean remote;
		Set<String> reach = new HashSet<>();
		double m = random.nextDouble();
		if (m < 0.30) {
			remote = false;
			reach.add(campuses.get(random.nextInt(campuses.size())));
			if (random.nextDouble() < 0.25) {
				reach.add(campuses.get(random.nextInt(campuses.size())));
			}
		}
		else if (m < 0.65) {
			remote = true;
		}
		else {
			remote = true;
			reach.add(campuses.get(random.nextInt(campuses.size())));
		}
		Map<String, Availability> availability = new LinkedHashMap<>();
		int count = 2 + random.nextInt(4);
		int preferred = 1 + random.nextInt(2);
		while (availability.size() < Math.min(count, slots.size())) {
			var slot = slots.get(pick(slotWeights));
			if (!availability.containsKey(slot)) {
				availability.put(slot, availability.size() < preferred ? Availability.PREFERRED : Availability.POSSIBLE);
			}
		}
		var department = "D" + (pick(departmentWeights) + 1);
		return new Person(id, role, arrival, languages, remote, reach, availability, department, wish, experienced);
	}

	private int pick(double[] weights) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double r = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}
}
