package app.kindred.organisation.web;

import java.time.ZoneId;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import app.kindred.core.Language;
import app.kindred.core.ValidZone;
import app.kindred.organisation.OrganisationKind;
import app.kindred.organisation.OrganisationSettings;

record OrganisationForm(@NotBlank @Size(max = 200) String name, @NotNull OrganisationKind kind,
		@NotNull Language defaultLanguage, @NotBlank @ValidZone String timeZone, @Size(max = 100) String contactName,
		@Email @Size(max = 254) String contactEmail) {

	static OrganisationForm blank(Language language) {
		return new OrganisationForm("", OrganisationKind.UNIVERSITY, language, "Europe/Helsinki", "", "");
	}

	static OrganisationForm of(OrganisationSettings s) {
		return new OrganisationForm(s.name(), s.kind(), s.defaultLanguage(), s.zone().getId(), s.contactName(),
				s.contactEmail());
	}

	OrganisationSettings settings() {
		return new OrganisationSettings(name, kind, defaultLanguage, ZoneId.of(timeZone), contactName, contactEmail);
	}
}
