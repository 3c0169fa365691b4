package app.kindred.assessment.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import app.kindred.identity.AccountId;

/**
 * The workload and the reading list on the course page and on a teacher's page about a
 * mentor: hours per part against their targets, the total against the course's, and the
 * items read. For credit-seeking mentors only.
 */
@Component
@Order(WorkloadCoursePart.ORDER)
class WorkloadCoursePart implements CoursePart {

	static final int ORDER = 30;

	private final WorkloadService workloads;

	WorkloadCoursePart(WorkloadService workloads) {
		this.workloads = workloads;
	}

	@Override
	public String titleKey() {
		return "assessment.workload.title";
	}

	@Override
	public String path() {
		return "workload";
	}

	@Override
	public int order() {
		return ORDER;
	}

	@Override
	public Optional<Section> forStudent(Student student) {
		if (!student.forCredit()) {
			return Optional.empty();
		}
		var workload = workloads.workload(student);
		return Optional.of(new Section("assessment/workload-part :: student", workload, "assessment.workload.status",
				status(workload), !workload.belowTarget().isEmpty()));
	}

	@Override
	public Optional<Section> forTeacher(Student student, AccountId teacher) {
		if (!student.forCredit()) {
			return Optional.empty();
		}
		var workload = workloads.workload(student);
		return Optional.of(new Section("assessment/workload-part :: teacher", workload, "assessment.workload.status",
				status(workload), false));
	}

	/**
	 * Hours done (to a tenth, in the viewer's own decimal sign), the course's hours,
	 * items read and the list's length.
	 */
	private static List<Object> status(Workload workload) {
		return List.of(workload.minutes() / 60.0, workload.targetHours(), workload.reading().read(),
				workload.reading().size());
	}

}
