/**
 * Certificates from what people really did: a mentor's trainings, supervision and group
 * meetings, a credit course passed, a participant's meetings; issued by the programme's
 * coordinators under the programme's rule, as accessible PDFs in the holder's language,
 * verifiable by anyone at {@code /verify/{code}}, revocable, and as a signed Open Badges
 * 3.0 credential.
 */
@ApplicationModule(allowedDependencies = { "core", "core :: web", "core :: events", "identity", "organisation",
		"programme", "recruitment", "training", "grouping", "meeting", "assessment" })
package app.kindred.certificate;

import org.springframework.modulith.ApplicationModule;
