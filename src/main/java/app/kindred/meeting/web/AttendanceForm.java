package app.kindred.meeting.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.kindred.core.Refused;
import app.kindred.identity.AccountId;

/** Who came to a meeting, as ticked: the ids of the people present. */
record AttendanceForm(List<String> present) {

	/**
	 * The people ticked; a value that is nobody's id (forged, or cut short) is refused as
	 * a tick for someone not in the group, which is what it is.
	 */
	Set<AccountId> people() {
		var people = new HashSet<AccountId>();
		for (var value : present == null ? List.<String>of() : present) {
			try {
				people.add(new AccountId(UUID.fromString(value.strip())));
			}
			catch (IllegalArgumentException e) {
				throw Refused.invalid("present", "meeting.workspace.attendance.notInGroup");
			}
		}
		return people;
	}

}
