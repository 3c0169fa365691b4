package app.kindred.recruitment.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.Participation;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;

/** Tells other modules' pages in which role someone takes part in a programme. */
@Component
class RecruitmentParticipation implements Participation {

	private final RecruitmentService recruitment;

	RecruitmentParticipation(RecruitmentService recruitment) {
		this.recruitment = recruitment;
	}

	@Override
	public Optional<String> liveRole(UUID programme, UUID account) {
		return recruitment.liveRole(new ProgrammeId(programme), new AccountId(account)).map(RecruitmentRole::path);
	}

	@Override
	public List<UUID> appliedTo(UUID account) {
		return recruitment.appliedTo(new AccountId(account)).stream().map(ProgrammeId::value).toList();
	}

}
