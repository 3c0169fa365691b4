package app.kindred.certificate.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * Each programme's certificate settings, one row per programme once saved. Callers own
 * the transactions and hold the programme's lock while saving, so that two coordinators
 * saving at once do not both insert.
 */
@Repository
public class CertificateSettingsStore {

	private final JdbcClient jdbc;

	CertificateSettingsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CertificateSettings> find(ProgrammeId programme) {
		return jdbc.sql("""
				select require_training, minimum_meetings, participation, participant_minimum_meetings,
				       role_text_en, role_text_fi, role_text_sv, signatory_name, signatory_title
				from certificate_settings where programme_id = ?""").param(programme.value()).query((rs, n) -> {
			var texts = new EnumMap<Language, String>(Language.class);
			for (var language : Language.values()) {
				var text = rs.getString("role_text_" + language.code());
				if (text != null) {
					texts.put(language, text);
				}
			}
			return new CertificateSettings(rs.getBoolean("require_training"), rs.getInt("minimum_meetings"),
					rs.getBoolean("participation"), rs.getInt("participant_minimum_meetings"), texts,
					rs.getString("signatory_name"), rs.getString("signatory_title"));
		}).optional();
	}

	public void save(ProgrammeId programme, CertificateSettings s, AccountId by, Instant at) {
		var params = new Object[] { s.requireTraining(), s.minimumMeetings(), s.participation(),
				s.participantMinimumMeetings(), s.roleText(Language.EN), s.roleText(Language.FI),
				s.roleText(Language.SV), s.signatoryName(), s.signatoryTitle(), by.value(), CertificateStore.at(at),
				programme.value() };
		if (jdbc.sql("""
				update certificate_settings set require_training = ?, minimum_meetings = ?, participation = ?,
				       participant_minimum_meetings = ?, role_text_en = ?, role_text_fi = ?, role_text_sv = ?,
				       signatory_name = ?, signatory_title = ?, updated_by = ?, updated_at = ?
				where programme_id = ?""").params(params).update() == 0) {
			jdbc.sql("""
					insert into certificate_settings (require_training, minimum_meetings, participation,
					       participant_minimum_meetings, role_text_en, role_text_fi, role_text_sv, signatory_name,
					       signatory_title, updated_by, updated_at, programme_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(params).update();
		}
	}

}
