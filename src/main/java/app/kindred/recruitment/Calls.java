package app.kindred.recruitment;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import app.kindred.programme.ProgrammeService;

/**
 * How coordinators set up the mentor call and the participant sign-up: acceptance,
 * reminder, which built-in questions are asked, custom questions, consent texts, and the
 * weekly slots groups could meet in. Only the programme's coordinators change them;
 * everyone who may sign up reads them.
 */
@Service
public class Calls {

	/**
	 * What the coordinator decides about one call, besides its questions and consents.
	 */
	public record Rules(boolean approvalRequired, boolean closingReminder, boolean askDepartment,
			boolean askStudentNumber) {
	}

	private static final TypeReference<List<Call.Question>> QUESTIONS = new TypeReference<>() {
	};

	private static final TypeReference<List<Call.Consent>> CONSENTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Applications applications;

	private final Clock clock;

	private final ProgrammeService programmes;

	Calls(JdbcClient jdbc, JsonMapper json, Applications applications, Clock clock, ProgrammeService programmes) {
		this.programmes = programmes;
		this.jdbc = jdbc;
		this.json = json;
		this.applications = applications;
		this.clock = clock;
	}

	/** The call as people signing up see it. */
	@Transactional(readOnly = true)
	public Call call(ProgrammeView programme, RecruitmentRole role) {
		var slots = slots(programme.id());
		return jdbc.sql("""
				select approval_required, closing_reminder, ask_department, ask_student_number, questions, consents
				  from recruitment_call where programme_id = ? and role = ?""")
			.params(programme.id().value(), role.name())
			.query((rs, n) -> new Call(role, rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
					json.readValue(rs.getString(5), QUESTIONS), json.readValue(rs.getString(6), CONSENTS), slots))
			.optional()
			.orElseGet(() -> Call.defaults(role, programme.settings().creditCourse(), slots));
	}

	/** The call for its coordinator: 404 for outsiders, 403 for other staff. */
	@Transactional(readOnly = true)
	public Call forCoordinator(ProgrammeId id, RecruitmentRole role, AccountId coordinator) {
		return call(applications.coordinated(id, coordinator), role);
	}

	/**
	 * The call, read to be changed: the programme's row stays locked until the change
	 * commits, so two coordinators adding questions at once both keep theirs, and two
	 * first saves never both insert.
	 */
	private Call forChange(ProgrammeId id, RecruitmentRole role, AccountId coordinator) {
		var programme = applications.coordinated(id, coordinator);
		programmes.lock(id);
		return call(programme, role);
	}

	@Transactional
	public void changeRules(ProgrammeId id, RecruitmentRole role, Rules rules, AccountId coordinator) {
		var call = forChange(id, role, coordinator);
		save(id, new Call(role, rules.approvalRequired(), rules.closingReminder(), rules.askDepartment(),
				rules.askStudentNumber(), call.questions(), call.consents(), call.slots()));
	}

	/**
	 * Adds a question at the end; its texts must be in the programme's languages (checked
	 * by the caller's form).
	 */
	@Transactional
	public void addQuestion(ProgrammeId id, RecruitmentRole role, Call.QuestionKind kind, boolean required,
			Map<Language, String> label, Map<Language, List<String>> options, AccountId coordinator) {
		var call = forChange(id, role, coordinator);
		var questions = new ArrayList<>(call.questions());
		questions.add(new Call.Question(newId("q"), kind, required, label, kind.choice() ? options : Map.of()));
		save(id, with(call, questions, call.consents()));
	}

	/**
	 * Removes a question; answers already given to it stay stored but are no longer shown
	 * or asked.
	 */
	@Transactional
	public void removeQuestion(ProgrammeId id, RecruitmentRole role, String question, AccountId coordinator) {
		var call = forChange(id, role, coordinator);
		var questions = new ArrayList<>(call.questions());
		if (!questions.removeIf(q -> q.id().equals(question))) {
			throw new NotFoundException("question");
		}
		save(id, with(call, questions, call.consents()));
	}

	@Transactional
	public void addConsent(ProgrammeId id, RecruitmentRole role, Map<Language, String> text, AccountId coordinator) {
		var call = forChange(id, role, coordinator);
		var consents = new ArrayList<>(call.consents());
		consents.add(new Call.Consent(newId("c"), text));
		save(id, with(call, call.questions(), consents));
	}

	@Transactional
	public void removeConsent(ProgrammeId id, RecruitmentRole role, String consent, AccountId coordinator) {
		var call = forChange(id, role, coordinator);
		var consents = new ArrayList<>(call.consents());
		if (!consents.removeIf(c -> c.id().equals(consent))) {
			throw new NotFoundException("consent");
		}
		save(id, with(call, call.questions(), consents));
	}

	/**
	 * The weekly slots groups could meet in, earliest in the week first; shared by both
	 * calls of a programme.
	 */
	@Transactional(readOnly = true)
	public List<Call.Slot> slots(ProgrammeId id) {
		return jdbc.sql("select weekday, starts from candidate_slot where programme_id = ?")
			.param(id.value())
			.query((rs, n) -> new Call.Slot(DayOfWeek.of(rs.getInt(1)), rs.getTime(2).toLocalTime()))
			.list()
			.stream()
			.sorted()
			.toList();
	}

	/**
	 * Adds a weekly slot to both calls of the programme; one already there is left as it
	 * is.
	 */
	@Transactional
	public void addSlot(ProgrammeId id, Call.Slot slot, AccountId coordinator) {
		var call = forChange(id, RecruitmentRole.PARTICIPANT, coordinator);
		if (!call.slots().contains(slot)) {
			jdbc.sql("insert into candidate_slot (programme_id, weekday, starts) values (?, ?, ?)")
				.params(id.value(), slot.day().getValue(), Time.valueOf(slot.starts()))
				.update();
		}
	}

	/**
	 * Removes a weekly slot; availability already given for it stays stored but is no
	 * longer asked or shown.
	 */
	@Transactional
	public void removeSlot(ProgrammeId id, String key, AccountId coordinator) {
		var slot = forChange(id, RecruitmentRole.PARTICIPANT, coordinator).slots()
			.stream()
			.filter(s -> s.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("slot"));
		jdbc.sql("delete from candidate_slot where programme_id = ? and weekday = ? and starts = ?")
			.params(id.value(), slot.day().getValue(), Time.valueOf(slot.starts()))
			.update();
	}

	private static Call with(Call call, List<Call.Question> questions, List<Call.Consent> consents) {
		return new Call(call.role(), call.approvalRequired(), call.closingReminder(), call.askDepartment(),
				call.askStudentNumber(), questions, consents, call.slots());
	}

	/** Writes the call's row whole: an update, or the first insert. */
	private void save(ProgrammeId id, Call call) {
		var now = Timestamp.from(clock.instant());
		var questions = json.writeValueAsString(call.questions());
		var consents = json.writeValueAsString(call.consents());
		int updated = jdbc.sql("""
				update recruitment_call set approval_required = ?, closing_reminder = ?, ask_department = ?,
				       ask_student_number = ?, questions = ?, consents = ?, updated_at = ?
				 where programme_id = ? and role = ?""")
			.params(call.approvalRequired(), call.closingReminder(), call.askDepartment(), call.askStudentNumber(),
					questions, consents, now, id.value(), call.role().name())
			.update();
		if (updated == 0) {
			jdbc.sql(
					"""
							insert into recruitment_call (programme_id, role, approval_required, closing_reminder, ask_department,
							                              ask_student_number, questions, consents, updated_at)
							values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id.value(), call.role().name(), call.approvalRequired(), call.closingReminder(),
						call.askDepartment(), call.askStudentNumber(), questions, consents, now)
				.update();
		}
	}

	private static String newId(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

}
