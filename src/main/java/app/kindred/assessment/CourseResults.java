package app.kindred.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.assessment.internal.Courses;
import app.kindred.assessment.internal.Passes;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;

/**
 * Who passed a programme's credit course, for the certificates: the course's code,
 * credits and learning outcomes beside each pass in force. Nothing here checks who asks:
 * callers decide that.
 */
@Service
public class CourseResults {

	private final ProgrammeService programmes;

	private final Courses courses;

	private final Passes passes;

	CourseResults(ProgrammeService programmes, Courses courses, Passes passes) {
		this.programmes = programmes;
		this.courses = courses;
		this.passes = passes;
	}

	/**
	 * A credit course passed: the course's code (null while the settings have none), its
	 * credits, the day of the pass in force in the programme's zone, and the learning
	 * outcomes in order, per language.
	 */
	public record Passed(AccountId mentor, String code, int credits, LocalDate passedOn,
			Map<Language, List<String>> outcomes) {
	}

	/**
	 * Every mentor whose decision in force is a pass; none for a programme not run as a
	 * course.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, Passed> passed(ProgrammeId id) {
		var programme = programmes.find(id).orElseThrow(() -> new NotFoundException("programme"));
		var course = courses.course(programme);
		if (!course.forCredit()) {
			return Map.of();
		}
		var outcomes = new EnumMap<Language, List<String>>(Language.class);
		for (var language : Language.values()) {
			var texts = new ArrayList<String>();
			course.outcomes().forEach(o -> {
				if (o.texts().containsKey(language)) {
					texts.add(o.texts().get(language));
				}
			});
			if (!texts.isEmpty()) {
				outcomes.put(language, List.copyOf(texts));
			}
		}
		return passes.inForce(id)
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> new Passed(e.getKey(), course.code(), course.credits(),
					e.getValue().decidedAt().atZone(programme.zone()).toLocalDate(), Map.copyOf(outcomes))));
	}

	/**
	 * Every mentor whose decision in force is a fail; none for a programme not run as a
	 * course.
	 */
	@Transactional(readOnly = true)
	public Set<AccountId> failed(ProgrammeId id) {
		var programme = programmes.find(id).orElseThrow(() -> new NotFoundException("programme"));
		return courses.course(programme).forCredit() ? passes.failing(id) : Set.of();
	}

}
