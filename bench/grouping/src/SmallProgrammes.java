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

/** Small programmes whose optimum {@link BruteForce} finds: the hand-built traps, and random ones by seed. */
final class SmallProgrammes {

	private static final String TUE = "TUE1618";
	private static final String WED = "WED1618";
	private static final String THU = "THU1416";
	private static final String CITY = "City Centre";
	private static final String LAKE = "Lakeside";

	private SmallProgrammes() {
	}

	/**
	 * 19 participants, 8 mentors, groups of 4 to 8 with two mentors (so at most 6 participants a group), slots TUE1618
	 * (the popular evening), WED1618, THU1416.
	 *
	 * <ul>
	 * <li>Popular: 8 Finnish participants, remote, Tuesday only. The biggest group there is: it tempts every mentor,
	 * and all eight mentors prefer or can do Tuesday.</li>
	 * <li>Trap 1: 4 Swedish-only participants, remote, Thursday only. M1 and M2 are the only Swedish-speaking mentors;
	 * they prefer Tuesday and can do Thursday (M2 only marks times as POSSIBLE), and they signed up first. A greedy that
	 * fills the Tuesday group first with the first mentors loses all four.</li>
	 * <li>Trap 2: 4 Finnish participants who can only come to Lakeside on Wednesday. M3 and M4 are the only mentors who
	 * reach Lakeside; they prefer Tuesday (where they could lead the popular group) and can do Wednesday.</li>
	 * <li>Trap 3: 3 English participants, remote, Wednesday only. M5 and M6 speak English and can do Tuesday or
	 * Wednesday; M7 and M8 can only do Tuesday, in Finnish. Opening a second Tuesday group (2 participants left there)
	 * with M5 and M6 places 2 where the English group places 3; M7 and M8 must take the popular group.</li>
	 * </ul>
	 * Optimum 17 (M7+M8 Tuesday 6, M1+M2 Swedish Thursday 4, M3+M4 Lakeside Wednesday 4, M5+M6 English Wednesday 3;
	 * 2 of the popular 8 left out), which {@link BruteForce} confirms. The greedy above places 15 or fewer.
	 */
	static FormationProblem traps() {
		var random = new Random(18);
		var people = new ArrayList<Person>();
		long[] arrival = { 0 };
		var fisv = Set.of(Language.FI, Language.SV);
		var fien = Set.of(Language.FI, Language.EN);
		var fi = Set.of(Language.FI);
		Map<String, Availability> tuePreferredThu = ordered(TUE, Availability.PREFERRED, THU, Availability.POSSIBLE);
		Map<String, Availability> tueThuPossible = ordered(TUE, Availability.POSSIBLE, THU, Availability.POSSIBLE);
		Map<String, Availability> tuePreferredWed = ordered(TUE, Availability.PREFERRED, WED, Availability.POSSIBLE);
		Map<String, Availability> tueOnly = ordered(TUE, Availability.PREFERRED);
		people.add(mentor(random, arrival, fisv, true, Set.of(), tuePreferredThu, "D1", true));
		people.add(mentor(random, arrival, fisv, true, Set.of(), tueThuPossible, "D2", false));
		people.add(mentor(random, arrival, fi, true, Set.of(LAKE), tuePreferredWed, "D1", true));
		people.add(mentor(random, arrival, fi, true, Set.of(LAKE), tuePreferredWed, "D3", false));
		people.add(mentor(random, arrival, fien, true, Set.of(CITY), tuePreferredWed, "D2", true));
		people.add(mentor(random, arrival, fien, true, Set.of(), tuePreferredWed, "D4", false));
		people.add(mentor(random, arrival, fi, true, Set.of(CITY), tueOnly, "D3", false));
		people.add(mentor(random, arrival, fi, true, Set.of(), tueOnly, "D5", false));
		for (int i = 0; i < 8; i++) {
			people.add(participant(random, arrival, fi, true, Set.of(), tueOnly, "D" + (1 + i % 4)));
		}
		for (int i = 0; i < 4; i++) {
			people.add(participant(random, arrival, Set.of(Language.SV), true, Set.of(),
					ordered(THU, Availability.PREFERRED), "D" + (2 + i % 3)));
		}
		for (int i = 0; i < 4; i++) {
			people.add(participant(random, arrival, fi, false, Set.of(LAKE), ordered(WED, Availability.PREFERRED),
					"D" + (1 + i)));
		}
		for (int i = 0; i < 3; i++) {
			people.add(participant(random, arrival, Set.of(Language.EN), true, Set.of(),
					ordered(WED, Availability.PREFERRED), "D" + (3 + i)));
		}
		return new FormationProblem(List.of(TUE, WED, THU), 4, 8, false, List.of(CITY, LAKE), people, List.of(), 3,
				FormationProblem.Weights.DEFAULTS);
	}

	/**
	 * Like {@link #traps()} but the popular group must give up people for a new group to open (19 participants, 8
	 * mentors, groups of 4 to 8 with two mentors).
	 *
	 * <ul>
	 * <li>Popular: 10 Finnish participants, remote, Tuesday only; the first 3 to sign up also speak English and reach
	 * City Centre. M5 and M6 can only lead them (Finnish, remote, Tuesday only).</li>
	 * <li>Trap 1 and 2 as in {@link #traps()}: M1 and M2, the only Swedish mentors, prefer Tuesday and are the only
	 * ones for 4 Swedish participants on Thursday; M3 and M4, the only ones reaching Lakeside, prefer Tuesday and are
	 * the only ones for 4 Lakeside-only participants on Wednesday. Both pairs could open a second Tuesday group for the 4
	 * popular participants the first group leaves out.</li>
	 * <li>Trap 3 (a group that only opens by taking people from another): M7 and M8 speak only English and can only
	 * come to City Centre on Tuesday. Only one participant who is not in the popular group fits them (English,
	 * City Centre only, Tuesday), too few for the minimum size; their group opens only with the 3 bilingual popular
	 * participants, whom a greedy has seated in the popular group first (they signed up first), where the 7 others
	 * could take their seats but for one.</li>
	 * </ul>
	 * Optimum 18 (M5+M6 Tuesday Finnish 6, M7+M8 Tuesday English City Centre 4, M1+M2 Swedish 4, M3+M4 Lakeside 4;
	 * one popular participant left out), which {@link BruteForce} confirms. A greedy that opens the biggest group first
	 * and then a second Tuesday group places 14.
	 */
	static FormationProblem trapsTwo() {
		var random = new Random(1818);
		var people = new ArrayList<Person>();
		long[] arrival = { 0 };
		var fisv = Set.of(Language.FI, Language.SV);
		var fien = Set.of(Language.FI, Language.EN);
		var fi = Set.of(Language.FI);
		var en = Set.of(Language.EN);
		Map<String, Availability> tueOnly = ordered(TUE, Availability.PREFERRED);
		Map<String, Availability> tuePreferredWed = ordered(TUE, Availability.PREFERRED, WED, Availability.POSSIBLE);
		people.add(mentor(random, arrival, fisv, true, Set.of(),
				ordered(TUE, Availability.PREFERRED, THU, Availability.POSSIBLE), "D1", true));
		people.add(mentor(random, arrival, fisv, true, Set.of(),
				ordered(TUE, Availability.POSSIBLE, THU, Availability.POSSIBLE), "D2", false));
		people.add(mentor(random, arrival, fi, true, Set.of(LAKE), tuePreferredWed, "D1", true));
		people.add(mentor(random, arrival, fi, true, Set.of(LAKE), tuePreferredWed, "D3", false));
		people.add(mentor(random, arrival, fi, true, Set.of(), tueOnly, "D2", true));
		people.add(mentor(random, arrival, fi, true, Set.of(), tueOnly, "D4", false));
		people.add(mentor(random, arrival, en, false, Set.of(CITY), tueOnly, "D3", false));
		people.add(mentor(random, arrival, en, false, Set.of(CITY), ordered(TUE, Availability.POSSIBLE), "D5", true));
		for (int i = 0; i < 10; i++) {
			people.add(participant(random, arrival, i < 3 ? fien : fi, true, i < 3 ? Set.of(CITY) : Set.of(), tueOnly,
					"D" + (1 + i % 4)));
		}
		for (int i = 0; i < 4; i++) {
			people.add(participant(random, arrival, Set.of(Language.SV), true, Set.of(),
					ordered(THU, Availability.PREFERRED), "D" + (2 + i % 3)));
		}
		for (int i = 0; i < 4; i++) {
			people.add(participant(random, arrival, fi, false, Set.of(LAKE), ordered(WED, Availability.PREFERRED),
					"D" + (1 + i)));
		}
		people.add(participant(random, arrival, en, false, Set.of(CITY), tueOnly, "D5"));
		return new FormationProblem(List.of(TUE, WED, THU), 4, 8, false, List.of(CITY, LAKE), people, List.of(), 3,
				FormationProblem.Weights.DEFAULTS);
	}

	/**
	 * A random small programme: 5 to 8 mentors, 10 to 22 participants, three slots (the first popular), two campuses,
	 * fi/en/sv (mostly fi, some bilingual), about a quarter campus-only, a quarter of the
	 * mentors only POSSIBLE, min size 4, max size 6 to 8, three mentors allowed in about a third.
	 */
	static FormationProblem random(long seed) {
		var random = new Random(seed * 7919 + 1018);
		int mentorCount = 5 + random.nextInt(4);
		int participantCount = 10 + random.nextInt(13);
		int maxSize = 6 + random.nextInt(3);
		boolean three = random.nextDouble() < 0.33;
		var slots = List.of(TUE, WED, THU);
		var campuses = List.of(CITY, LAKE);
		var people = new ArrayList<Person>();
		for (int i = 0; i < mentorCount + participantCount; i++) {
			boolean mentor = i < mentorCount;
			var languages = new HashSet<Language>();
			double l = random.nextDouble();
			var primary = l < 0.75 ? Language.FI : l < 0.93 ? Language.EN : Language.SV;
			languages.add(primary);
			if (random.nextDouble() < (mentor ? 0.4 : 0.2)) {
				languages.add(primary == Language.FI ? (random.nextDouble() < 0.7 ? Language.EN : Language.SV)
						: Language.FI);
			}
			boolean remote = true;
			var reach = new HashSet<String>();
			double m = random.nextDouble();
			if (m < (mentor ? 0.2 : 0.3)) {
				remote = false;
				reach.add(campuses.get(random.nextDouble() < 0.7 ? 0 : 1));
			}
			else if (m < 0.7) {
				reach.add(campuses.get(random.nextDouble() < 0.7 ? 0 : 1));
			}
			// Most come to one or two popular evenings (Tuesday, then Wednesday); mentors are more flexible.
			Map<String, Availability> availability = new LinkedHashMap<>();
			double a = random.nextDouble();
			var first = a < 0.55 ? TUE : a < 0.85 ? WED : THU;
			boolean onlyPossible = mentor && random.nextDouble() < 0.25;
			availability.put(first, onlyPossible ? Availability.POSSIBLE : Availability.PREFERRED);
			if (random.nextDouble() < (mentor ? 0.6 : 0.4)) {
				double b = random.nextDouble();
				availability.putIfAbsent(b < 0.45 ? TUE : b < 0.8 ? WED : THU, Availability.POSSIBLE);
			}
			var id = new UUID(random.nextLong(), random.nextLong());
			var department = "D" + (1 + random.nextInt(5));
			people.add(new Person(id, mentor ? RecruitmentRole.MENTOR : RecruitmentRole.PARTICIPANT, i, languages,
					remote, reach, availability, department, null, mentor && random.nextDouble() < 0.4));
		}
		return new FormationProblem(slots, 4, maxSize, three, campuses, people, List.of(), 3,
				FormationProblem.Weights.DEFAULTS);
	}

	private static Map<String, Availability> ordered(Object... slotsAndAvailability) {
		var map = new LinkedHashMap<String, Availability>();
		for (int i = 0; i < slotsAndAvailability.length; i += 2) {
			map.put((String) slotsAndAvailability[i], (Availability) slotsAndAvailability[i + 1]);
		}
		return map;
	}

	private static Person mentor(Random random, long[] arrival, Set<Language> languages, boolean remote,
			Set<String> campuses, Map<String, Availability> availability, String department, boolean experienced) {
		return Person.mentor(new UUID(random.nextLong(), random.nextLong()), arrival[0]++, languages, remote, campuses,
				availability, department, null, experienced);
	}

	private static Person participant(Random random, long[] arrival, Set<Language> languages, boolean remote,
			Set<String> campuses, Map<String, Availability> availability, String department) {
		return Person.participant(new UUID(random.nextLong(), random.nextLong()), arrival[0]++, languages, remote,
				campuses, availability, department);
	}
}
