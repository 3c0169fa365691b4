package app.kindred.assessment.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import app.kindred.identity.AccountId;

/**
 * The learning diary on the mentor's course page (how many entries, how many shared,
 * whether handed in; it waits for them until handed in, while the deadline has not
 * passed) and on a teacher's page about them (their shared entries only, with the version
 * the teacher read).
 */
@Component
@Order(20)
class DiaryPart implements CoursePart {

	/** What the student's card shows. */
	record StudentCard(DiaryService.Diary diary) {
	}

	/** What the teacher's section shows. */
	record TeacherSection(Student student, List<DiaryService.Reading> shared) {
	}

	private final DiaryService diaries;

	private final Clock clock;

	DiaryPart(DiaryService diaries, Clock clock) {
		this.diaries = diaries;
		this.clock = clock;
	}

	@Override
	public String titleKey() {
		return "assessment.diary.title";
	}

	@Override
	public String path() {
		return "diary";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Optional<Section> forStudent(Student student) {
		if (!student.keepsDiary()) {
			return Optional.empty();
		}
		var diary = diaries.diaryOf(student);
		boolean handedIn = diary.submitted().isPresent();
		boolean due = student.forCredit() && !handedIn && clock.instant().isBefore(student.course().diaryDue());
		String status = !student.forCredit() ? "assessment.diary.status.own"
				: handedIn ? "assessment.diary.status.submitted" : "assessment.diary.status.open";
		return Optional.of(new Section("assessment/diary-fragments :: studentCard", new StudentCard(diary), status,
				List.of(diary.entries().size(), diary.sharedCount()), due));
	}

	@Override
	public Optional<Section> forTeacher(Student student, AccountId teacher) {
		if (!student.forCredit()) {
			return Optional.empty();
		}
		var shared = diaries.sharedWith(student, teacher);
		long unread = shared.stream().filter(r -> r.readBefore().isEmpty() || r.newerSinceRead()).count();
		return Optional
			.of(new Section("assessment/diary-fragments :: teacherSection", new TeacherSection(student, shared),
					"assessment.diary.status.teacher", List.of(shared.size(), unread), unread > 0));
	}

}
