package app.kindred.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.assessment.AssessmentDecided.Result;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.SignUpAnswers;

/**
 * The grade export for the study registry (layout in the README, "Grade export"): the
 * passed and, separately, the failed, each export recorded and its decisions marked, so
 * that the next lists only decisions made since; "everything" sends every decision in
 * force of that result again and is recorded as such.
 * <p>
 * A row whose student number is missing or not of the university's form (letters, digits
 * and hyphens, 3 to 20) is shown first on the preview and left out of the file, unmarked:
 * it goes out with the next export once the number is corrected, and is never skipped
 * without the teacher being told.
 */
@Service
public class GradeExportService {

	/**
	 * Column names fixed in English, so that an import mapping made once keeps working.
	 */
	public static final List<String> HEADER = List.of("course_code", "student_number", "name", "grade", "grade_sv",
			"grade_en", "grade_value", "credits", "assessment_date", "language", "assessor");

	/** A decision in force as a row of the export. */
	public record Row(Decision decision, String studentNumber, String name, String assessor, Language language,
			LocalDate assessed) {

		public boolean validNumber() {
			return SignUpAnswers.Details.validStudentNumber(studentNumber);
		}

	}

	/** What an export of one result would take: new ones, and how many in all. */
	public record Batch(Result result, List<Row> fresh, int all) {

		public List<Row> badNumbers() {
			return fresh.stream().filter(r -> !r.validNumber()).toList();
		}

		public List<Row> exportable() {
			return fresh.stream().filter(Row::validNumber).toList();
		}

	}

	public record Preview(Course course, Batch passed, Batch failed, List<DecisionStore.Export> earlier,
			List<String> exportedBy) {

		public boolean hasCode() {
			return course.code() != null && !course.code().isBlank();
		}

	}

	/** A file to send: its name, header and rows. */
	public record Export(String filename, List<String> header, List<List<String>> rows) {
	}

	private final Courses courses;

	private final DecisionStore store;

	private final Accounts accounts;

	private final Clock clock;

	GradeExportService(Courses courses, DecisionStore store, Accounts accounts, Clock clock) {
		this.courses = courses;
		this.store = store;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Preview preview(ProgrammeId id, AccountId teacher) {
		var course = courses.taught(id, teacher);
		var earlier = store.exports(id);
		var names = accounts.findAll(new HashSet<>(earlier.stream().map(DecisionStore.Export::exportedBy).toList()));
		return new Preview(course, batch(course, Result.PASS), batch(course, Result.FAIL), earlier,
				earlier.stream()
					.map(e -> names.containsKey(e.exportedBy()) ? names.get(e.exportedBy()).displayName() : "")
					.toList());
	}

	/**
	 * Records an export of the result and marks its decisions, in one transaction under
	 * the programme's lock, so that two exports at once never both take a decision as
	 * new. Refused (409) while the course has no code, which the registry needs on every
	 * row.
	 */
	@Transactional
	public Export export(ProgrammeId id, AccountId teacher, Result result, boolean everything) {
		var course = courses.taught(id, teacher);
		if (course.code() == null || course.code().isBlank()) {
			throw Refused.conflict("assessment.export.noCode");
		}
		store.lockForExport(id);
		var rows = rows(course, result, everything).stream().filter(Row::validNumber).toList();
		var export = new DecisionStore.Export(UUID.randomUUID(), result, everything, rows.size(), teacher,
				clock.instant());
		store.insertExport(id, export);
		store.markExported(export.id(), DecisionStore.ids(rows.stream().map(Row::decision).toList()));
		var today = LocalDate.ofInstant(export.exportedAt(), course.programme().zone());
		var filename = course.code().strip() + "-" + result.name().toLowerCase() + (everything ? "-all-" : "-") + today
				+ ".csv";
		return new Export(filename, HEADER, rows.stream().map(r -> line(course, r)).toList());
	}

	private Batch batch(Course course, Result result) {
		return new Batch(result, rows(course, result, false), rows(course, result, true).size());
	}

	/**
	 * The decisions in force of the result (not yet exported unless everything), bad
	 * student numbers first, then by name.
	 */
	private List<Row> rows(Course course, Result result, boolean everything) {
		var inForce = store.inForce(course.programme().id());
		var students = courses.creditStudents(course);
		var ids = new HashSet<AccountId>();
		students.forEach(s -> ids.add(s.account()));
		inForce.values().forEach(d -> ids.add(d.decidedBy()));
		var names = accounts.findAll(ids);
		var rows = new ArrayList<Row>();
		for (var student : students) {
			var decision = inForce.get(student.account());
			if (decision == null || decision.result() != result || (decision.exported() && !everything)) {
				continue;
			}
			var mentor = names.get(student.account());
			var assessor = names.get(decision.decidedBy());
			rows.add(new Row(decision, student.studentNumber() == null ? null : student.studentNumber().strip(),
					mentor == null ? "" : mentor.displayName(), assessor == null ? "" : assessor.displayName(),
					language(student, mentor == null ? null : mentor.language()),
					LocalDate.ofInstant(decision.decidedAt(), course.programme().zone())));
		}
		rows.sort(Comparator.comparing(Row::validNumber).thenComparing(Row::name, String.CASE_INSENSITIVE_ORDER));
		return rows;
	}

	/**
	 * The language the mentor completed the course in: their group's, in which they led
	 * its meetings; without a group, their own; else the programme's first.
	 */
	private static Language language(Student student, Language own) {
		return student.group()
			.map(g -> g.language())
			.orElseGet(() -> own != null ? own : student.course().programme().textLanguage(Language.EN));
	}

	private static List<String> line(Course course, Row row) {
		boolean pass = row.decision().passed();
		return List.of(course.code().strip(), row.studentNumber(), row.name(), pass ? "hyväksytty" : "hylätty",
				pass ? "godkänd" : "underkänd", pass ? "pass" : "fail", pass ? "1" : "0",
				String.valueOf(course.credits()), row.assessed().format(DateTimeFormatter.ISO_LOCAL_DATE),
				row.language().code(), row.assessor());
	}

}
