package app.kindred.assessment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.validation.BindingResult;

import app.kindred.assessment.internal.Course;
import app.kindred.assessment.internal.Objective;
import app.kindred.assessment.internal.ObjectiveService;

/**
 * The objectives as typed, one row per slot ({@code objectives[0].text},
 * {@code objectives[0].outcome}): the page offers as many slots as objectives may be
 * written, and a slot left empty is no objective, so adding and removing works without
 * JavaScript. Strings, so that whatever comes back is shown again as it was.
 */
record ObjectivesForm(List<Row> objectives) {

	record Row(String text, String outcome) {

		static final Row BLANK = new Row("", "");

		boolean blank() {
			return value(text).isEmpty() && value(outcome).isEmpty();
		}

	}

	ObjectivesForm {
		objectives = objectives == null ? new ArrayList<>() : new ArrayList<>(objectives);
		objectives.replaceAll(row -> row == null ? Row.BLANK : row);
		// Every slot the page offers, also when a request sent fewer: a problem found at
		// an empty slot (too few) has a field to be told at
		while (objectives.size() < Objective.MOST) {
			objectives.add(Row.BLANK);
		}
	}

	/** The saved objectives, with empty slots up to the most allowed. */
	static ObjectivesForm of(List<Objective> saved) {
		var rows = new ArrayList<Row>();
		saved.forEach(o -> rows.add(new Row(o.text(), o.outcome() == null ? "" : o.outcome().toString())));
		return new ObjectivesForm(rows);
	}

	/**
	 * The objectives typed, in order, empty slots left out; a forged or malformed outcome
	 * is told at its field and left out of its draft.
	 */
	List<Objective.Draft> drafts(BindingResult result) {
		var drafts = new ArrayList<Objective.Draft>();
		for (int row : filled()) {
			var typed = objectives.get(row);
			UUID outcome = null;
			if (!value(typed.outcome()).isEmpty()) {
				try {
					outcome = UUID.fromString(value(typed.outcome()));
				}
				catch (IllegalArgumentException ex) {
					result.rejectValue(outcomeField(row), "assessment.objectives.unknownOutcome");
				}
			}
			drafts.add(new Objective.Draft(value(typed.text()), outcome));
		}
		return drafts;
	}

	/**
	 * Checks the list against the course's rules, each problem at the field of the slot
	 * it concerns (too few: the first empty slot).
	 */
	List<Objective.Draft> check(ObjectiveService service, Course course, BindingResult result) {
		var drafts = drafts(result);
		var filled = filled();
		for (var problem : service.problems(course, drafts)) {
			int row = problem.index() < filled.size() ? filled.get(problem.index()) : firstEmpty();
			var field = problem.key().endsWith("unknownOutcome") ? outcomeField(row) : textField(row);
			if (!result.hasFieldErrors(field)) {
				result.rejectValue(field, problem.key());
			}
		}
		return drafts;
	}

	static String textField(int row) {
		return "objectives[" + row + "].text";
	}

	static String outcomeField(int row) {
		return "objectives[" + row + "].outcome";
	}

	private List<Integer> filled() {
		var rows = new ArrayList<Integer>();
		for (int i = 0; i < objectives.size(); i++) {
			if (!objectives.get(i).blank()) {
				rows.add(i);
			}
		}
		return rows;
	}

	private int firstEmpty() {
		for (int i = 0; i < objectives.size(); i++) {
			if (objectives.get(i).blank()) {
				return i;
			}
		}
		return 0;
	}

	private static String value(String typed) {
		return typed == null ? "" : typed.strip();
	}

}
