package app.kindred.assessment.internal;

import app.kindred.programme.ProgrammeSettings;

/**
 * The course's parts of work, after the course description (9 + 18 + 27 + 27 h for 3
 * credits): trainings and supervision count towards TRAINING and the group's meetings
 * towards GROUPS, from attendance; the rest the mentor logs.
 */
public enum WorkloadPart {

	FAMILIARISATION, TRAINING, GROUPS, LITERATURE;

	/**
	 * The part's target in hours, as the programme sets it; 0 for a programme without a
	 * course.
	 */
	public int targetHours(ProgrammeSettings settings) {
		Integer hours = switch (this) {
			case FAMILIARISATION -> settings.workloadFamiliarisation();
			case TRAINING -> settings.workloadTraining();
			case GROUPS -> settings.workloadGroups();
			case LITERATURE -> settings.workloadLiterature();
		};
		return hours == null ? 0 : hours;
	}

}
