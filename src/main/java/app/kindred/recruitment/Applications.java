package app.kindred.recruitment;

import org.springframework.stereotype.Service;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;

/**
 * Kept only while grouping's {@code Formations} and training's {@code Training} still ask
 * recruitment whether someone coordinates a programme; once they ask
 * {@link ProgrammeAccess} themselves, this class goes. It answers as ProgrammeAccess
 * does.
 */
@Service
public class Applications {

	private final ProgrammeAccess access;

	Applications(ProgrammeAccess access) {
		this.access = access;
	}

	/**
	 * The programme, if the viewer coordinates it: 404 for outsiders, 403 for other
	 * staff.
	 */
	public ProgrammeView coordinated(ProgrammeId id, AccountId viewer) {
		return access.coordinated(id, viewer);
	}

}
