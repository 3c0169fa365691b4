package app.kindred.audit;

/** What kind of someone else's sensitive data a member of staff read. */
public enum ReadKind {

	/** A group's mentors' workspace: their planning notes, debriefs and attendance. */
	WORKSPACE,

	/** A learning diary entry its writer shared with the teachers. */
	SHARED_DIARY,

	/** A mentor's self- and peer evaluations, as on the teacher's assessment page. */
	EVALUATION,

	/** A group's request for staff attention, with its note. */
	ATTENTION_REQUEST,

	/** Applications with every answer, on the coordinators' page. */
	APPLICATION,

	/** Applications with every answer, exported as CSV. */
	APPLICATION_EXPORT

}
