package app.kindred.recruitment.web;

import app.kindred.recruitment.Call;
import app.kindred.recruitment.Calls;

/** How a call decides and which built-in questions it asks. */
record RulesForm(boolean approvalRequired, boolean closingReminder, boolean askDepartment, boolean askStudentNumber) {

	static RulesForm of(Call call) {
		return new RulesForm(call.approvalRequired(), call.closingReminder(), call.askDepartment(), call.askStudentNumber());
	}

	Calls.Rules rules() {
		return new Calls.Rules(approvalRequired, closingReminder, askDepartment, askStudentNumber);
	}
}
