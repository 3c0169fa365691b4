package app.kindred.certificate.web;

import java.util.EnumMap;
import java.util.Optional;

import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import app.kindred.certificate.internal.CertificateSettings;
import app.kindred.core.Language;
import app.kindred.core.web.TypedFields;

/**
 * A programme's certificate settings as typed, numbers kept as strings so that a wrong
 * one comes back at its field as it was typed. Texts left empty mean Kindred's own role
 * text and the issuing coordinator as signatory.
 */
record CertificateSettingsForm(Boolean requireTraining, String minimumMeetings, Boolean participation,
		String participantMinimumMeetings, @Size(max = CertificateSettings.ROLE_TEXT_MAX) String roleTextEn,
		@Size(max = CertificateSettings.ROLE_TEXT_MAX) String roleTextFi,
		@Size(max = CertificateSettings.ROLE_TEXT_MAX) String roleTextSv,
		@Size(max = CertificateSettings.SIGNATORY_MAX) String signatoryName,
		@Size(max = CertificateSettings.SIGNATORY_MAX) String signatoryTitle) {

	static CertificateSettingsForm of(CertificateSettings s) {
		return new CertificateSettingsForm(s.requireTraining(), String.valueOf(s.minimumMeetings()), s.participation(),
				String.valueOf(s.participantMinimumMeetings()), s.roleText(Language.EN), s.roleText(Language.FI),
				s.roleText(Language.SV), s.signatoryName(), s.signatoryTitle());
	}

	/**
	 * The settings, or empty with each problem at its field: meetings whole numbers from
	 * 0 to {@value CertificateSettings#MEETINGS_MAX}.
	 */
	Optional<CertificateSettings> check(BindingResult result) {
		int minimum = meetings(minimumMeetings, "minimumMeetings", result);
		int participant = meetings(participantMinimumMeetings, "participantMinimumMeetings", result);
		if (result.hasErrors()) {
			return Optional.empty();
		}
		var texts = new EnumMap<Language, String>(Language.class);
		texts.put(Language.EN, roleTextEn);
		texts.put(Language.FI, roleTextFi);
		texts.put(Language.SV, roleTextSv);
		return Optional.of(new CertificateSettings(Boolean.TRUE.equals(requireTraining), minimum,
				Boolean.TRUE.equals(participation), participant, texts, signatoryName, signatoryTitle));
	}

	private static int meetings(String typed, String field, BindingResult result) {
		if (result.hasFieldErrors(field)) {
			return -1;
		}
		return (int) TypedFields.number(typed, 0, CertificateSettings.MEETINGS_MAX, field,
				"certificate.settings.meetings.range", result);
	}

	public String roleText(Language language) {
		return switch (language) {
			case EN -> roleTextEn;
			case FI -> roleTextFi;
			case SV -> roleTextSv;
		};
	}

}
