package app.kindred.recruitment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.internal.CallStore;

/**
 * How coordinators set up the mentor call and the participant sign-up: acceptance,
 * reminder, which built-in questions are asked, custom questions, consent texts, and the
 * weekly slots groups could meet in. Only the programme's coordinators change them;
 * everyone who may sign up reads them.
 */
@Service
public class CallService {

	/**
	 * What the coordinator decides about one call, besides its questions and consents.
	 */
	public record Rules(boolean approvalRequired, boolean closingReminder, boolean askDepartment,
			boolean askStudentNumber) {
	}

	private final CallStore store;

	private final ProgrammeAccess access;

	private final ProgrammeService programmes;

	private final Clock clock;

	CallService(CallStore store, ProgrammeAccess access, ProgrammeService programmes, Clock clock) {
		this.store = store;
		this.access = access;
		this.programmes = programmes;
		this.clock = clock;
	}

	/**
	 * The call as people signing up see it; kept in memory (no transaction needed) until
	 * a coordinator changes it.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Call call(ProgrammeView programme, RecruitmentRole role) {
		var slots = slots(programme.id());
		return store.find(programme.id(), role)
			.orElseGet(() -> Call.defaults(role, programme.settings().creditCourse(), slots));
	}

	/** The call for its coordinator: 404 for outsiders, 403 for other staff. */
	@Transactional(readOnly = true)
	public Call forCoordinator(ProgrammeId id, RecruitmentRole role, AccountId coordinator) {
		return call(access.coordinated(id, coordinator), role);
	}

	/**
	 * The call, read to be changed: the programme's row stays locked until the change
	 * commits, so two coordinators adding questions at once both keep theirs, and two
	 * first saves never both insert.
	 */
	private Call forChange(ProgrammeId id, RecruitmentRole role, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
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
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<Call.Slot> slots(ProgrammeId id) {
		return store.slots(id);
	}

	/**
	 * Adds a weekly slot to both calls of the programme; one already there is left as it
	 * is.
	 */
	@Transactional
	public void addSlot(ProgrammeId id, Call.Slot slot, AccountId coordinator) {
		var call = forChange(id, RecruitmentRole.PARTICIPANT, coordinator);
		if (!call.slots().contains(slot)) {
			store.addSlot(id, slot);
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
		store.removeSlot(id, slot);
	}

	private static Call with(Call call, List<Call.Question> questions, List<Call.Consent> consents) {
		return new Call(call.role(), call.approvalRequired(), call.closingReminder(), call.askDepartment(),
				call.askStudentNumber(), questions, consents, call.slots());
	}

	private void save(ProgrammeId id, Call call) {
		store.save(id, call, clock.instant());
	}

	private static String newId(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

}
