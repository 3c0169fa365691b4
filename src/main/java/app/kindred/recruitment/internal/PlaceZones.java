package app.kindred.recruitment.internal;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.kindred.identity.AccountId;
import app.kindred.identity.LikelyZones;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;

/** The zones of the programmes a person has a place in, as a mentor or a participant. */
@Component
class PlaceZones implements LikelyZones {

	private final RecruitmentService recruitment;

	private final ProgrammeService programmes;

	PlaceZones(RecruitmentService recruitment, ProgrammeService programmes) {
		this.recruitment = recruitment;
		this.programmes = programmes;
	}

	@Override
	public Collection<ZoneId> of(AccountId account) {
		return Arrays.stream(RecruitmentRole.values())
			.flatMap(role -> recruitment.acceptedIn(account, role).stream())
			.map(programmes::find)
			.flatMap(Optional::stream)
			.map(ProgrammeView::zone)
			.distinct()
			.toList();
	}

}
