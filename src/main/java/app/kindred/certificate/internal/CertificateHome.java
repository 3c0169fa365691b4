package app.kindred.certificate.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.certificate.CertificateKind;
import app.kindred.core.HomeContributor;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;

/**
 * Certificates on Home: for coordinators, once a programme's groups are published, the
 * certificates page, with a task when people qualify without a certificate towards the
 * end (every group's meetings held, or two weeks before the term ends: a certificate
 * keeps what stood on its day, so issuing earlier leaves meetings out); for holders, that
 * their certificate is ready on their account page; for participants of a programme that
 * offers participation certificates, the button to ask for theirs.
 */
@Component
class CertificateHome implements HomeContributor {

	/** How long before the term's last day issuing becomes a task. */
	static final int WEEKS_BEFORE_END = 2;

	private final CertificateService certificates;

	private final ProgrammeAccess access;

	private final ProgrammeService programmes;

	private final PublishedGroups groups;

	private final RecruitmentService recruitment;

	CertificateHome(CertificateService certificates, ProgrammeAccess access, ProgrammeService programmes,
			PublishedGroups groups, RecruitmentService recruitment) {
		this.certificates = certificates;
		this.access = access;
		this.programmes = programmes;
		this.groups = groups;
		this.recruitment = recruitment;
	}

	/** A programme's certificates as its coordinators see them on Home. */
	record Coordinated(UUID programme, int due) {

		public String link() {
			return "/programmes/" + programme + "/certificates";
		}

		public String settings() {
			return link() + "/settings";
		}

	}

	/** The holder's certificates of one programme, in force. */
	record Held(UUID programme, List<CertificateKind> kinds, Instant issuedAt) {

		public String link() {
			return "/account";
		}

	}

	/**
	 * A participant who may ask for their participation certificate: the meetings they
	 * attended and how many it needs.
	 */
	record Request(UUID programme, int attended, int needed) {

		public String action() {
			return "/programmes/" + programme + "/certificates/request";
		}

		public boolean enough() {
			return attended >= needed;
		}

	}

	@Override
	public List<Part> parts(Viewer viewer) {
		var account = new AccountId(viewer.account());
		var parts = new ArrayList<Part>();
		for (var programme : access.coordinatedBy(account)) {
			if (!groups.published(programme.id())) {
				continue;
			}
			var today = viewer.now().atZone(programme.zone()).toLocalDate();
			var due = certificates.due(programme);
			boolean closing = due.meetingsDone()
					|| !today.isBefore(programme.settings().termEnd().minusWeeks(WEEKS_BEFORE_END));
			var data = new Coordinated(programme.id().value(), due.certificates());
			var tasks = closing && due.certificates() > 0
					? List.of(Task.of("certificate.home.task.due", data.link(), due.certificates())) : List.<Task>of();
			parts.add(Part.of(data.programme(), Role.COORDINATOR, 80, "certificate/home", "coordinator", data)
				.needing(tasks));
		}
		var mentorIn = recruitment.acceptedIn(account, RecruitmentRole.MENTOR);
		var participantIn = recruitment.acceptedIn(account, RecruitmentRole.PARTICIPANT);
		var held = new LinkedHashMap<ProgrammeId, List<Certificate>>();
		certificates.heldBy(account).forEach(c -> held.computeIfAbsent(c.programme(), p -> new ArrayList<>()).add(c));
		held.forEach((programme, own) -> {
			for (var role : List.of(Role.MENTOR, Role.PARTICIPANT)) {
				var kinds = own.stream()
					.filter(c -> (c.kind() == CertificateKind.PARTICIPATION) == (role == Role.PARTICIPANT))
					.toList();
				var in = role == Role.MENTOR ? mentorIn : participantIn;
				if (!kinds.isEmpty() && in.contains(programme)) {
					parts.add(Part.of(programme.value(), role, 90, "certificate/home", "holder",
							new Held(programme.value(), kinds.stream().map(Certificate::kind).toList(),
									kinds.get(0).issuedAt())));
				}
			}
		});
		for (var id : participantIn) {
			boolean holds = held.getOrDefault(id, List.of())
				.stream()
				.anyMatch(c -> c.kind() == CertificateKind.PARTICIPATION);
			if (holds) {
				continue;
			}
			var settings = certificates.settingsOf(id);
			if (!settings.participation()) {
				continue;
			}
			programmes.find(id)
				.flatMap(programme -> certificates.participantStanding(programme, settings, account))
				.ifPresent(standing -> parts.add(
						Part.of(id.value(), Role.PARTICIPANT, 90, "certificate/home", "request", new Request(id.value(),
								standing.evidence().meetings(), settings.participantMinimumMeetings()))));
		}
		return parts;
	}

}
