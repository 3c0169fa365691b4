package app.kindred.recruitment;

import app.kindred.programme.ProgrammeId;

/**
 * Whether a programme's groups have been formed and published. Implemented by the module
 * that forms them, so that recruitment can let mentors keep their availability up to date
 * until then without depending on that module.
 */
public interface GroupsFormed {

	boolean formed(ProgrammeId programme);

}
