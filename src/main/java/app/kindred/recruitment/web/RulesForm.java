package app.kindred.recruitment.web;

import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;

/**
 * How a call decides and which built-in questions it asks; a box left unticked is not
 * sent at all, so null is no.
 */
record RulesForm(Boolean approvalRequired, Boolean closingReminder, Boolean askDepartment, Boolean askStudentNumber) {

	static RulesForm of(Call call) {
		return new RulesForm(call.approvalRequired(), call.closingReminder(), call.askDepartment(),
				call.askStudentNumber());
	}

	CallService.Rules rules() {
		return new CallService.Rules(yes(approvalRequired), yes(closingReminder), yes(askDepartment),
				yes(askStudentNumber));
	}

	private static boolean yes(Boolean value) {
		return Boolean.TRUE.equals(value);
	}
}
