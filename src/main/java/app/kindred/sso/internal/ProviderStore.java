package app.kindred.sso.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.core.Language;
import app.kindred.core.SharedCache;
import app.kindred.core.SharedCaches;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;

/**
 * The organisations' providers, one row each. The enabled ones are on every sign-in page:
 * kept in a {@link SharedCache} until a provider is saved.
 */
@Repository
class ProviderStore {

	private static final String ENABLED = "enabled";

	private static final String COLUMNS = """
			organisation_id, issuer, client_id, client_secret_jwe, client_secret_env, label_en, label_fi, label_sv,
			study_number_claim, enabled, password_off_for_staff""";

	private final JdbcClient jdbc;

	private final SharedCache<String, List<ProviderSettings>> enabled;

	ProviderStore(JdbcClient jdbc, SharedCaches caches) {
		this.jdbc = jdbc;
		this.enabled = caches.create("sso-providers", 1);
	}

	Optional<ProviderSettings> find(OrganisationId organisation) {
		return jdbc.sql("select " + COLUMNS + " from sso_provider where organisation_id = ?")
			.param(organisation.value())
			.query(ProviderStore::row)
			.optional();
	}

	List<ProviderSettings> enabled() {
		return enabled.get(ENABLED,
				() -> List
					.copyOf(jdbc.sql("select " + COLUMNS + " from sso_provider where enabled = true order by issuer")
						.query(ProviderStore::row)
						.list()));
	}

	/**
	 * Whether any of the organisations signs its staff in only through its (enabled)
	 * provider.
	 */
	boolean passwordOff(Collection<OrganisationId> organisations) {
		if (organisations.isEmpty()) {
			return false;
		}
		return jdbc.sql("""
				select count(*) from sso_provider
				where enabled = true and password_off_for_staff = true and organisation_id in (:ids)""")
			.param("ids", organisations.stream().map(OrganisationId::value).toList())
			.query(Long.class)
			.single() > 0;
	}

	void save(ProviderSettings s, AccountId by, Instant now) {
		enabled.forgetAll();
		var at = now.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
		int updated = jdbc.sql("""
				update sso_provider set issuer = ?, client_id = ?, client_secret_jwe = ?, client_secret_env = ?,
				label_en = ?, label_fi = ?, label_sv = ?, study_number_claim = ?, enabled = ?,
				password_off_for_staff = ?, updated_by = ?, updated_at = ? where organisation_id = ?""")
			.params(s.issuer(), s.clientId(), s.sealedSecret(), s.secretEnv(), s.names().get(Language.EN),
					s.names().get(Language.FI), s.names().get(Language.SV), s.studyNumberClaim(), s.enabled(),
					s.passwordOffForStaff(), by.value(), at, s.organisation().value())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into sso_provider (" + COLUMNS + ", updated_by, updated_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(s.organisation().value(), s.issuer(), s.clientId(), s.sealedSecret(), s.secretEnv(),
						s.names().get(Language.EN), s.names().get(Language.FI), s.names().get(Language.SV),
						s.studyNumberClaim(), s.enabled(), s.passwordOffForStaff(), by.value(), at)
				.update();
		}
	}

	private static ProviderSettings row(ResultSet rs, int n) throws SQLException {
		var names = new EnumMap<Language, String>(Language.class);
		putIfSet(names, Language.EN, rs.getString("label_en"));
		putIfSet(names, Language.FI, rs.getString("label_fi"));
		putIfSet(names, Language.SV, rs.getString("label_sv"));
		return new ProviderSettings(new OrganisationId(rs.getObject("organisation_id", UUID.class)),
				rs.getString("issuer"), rs.getString("client_id"), rs.getString("client_secret_jwe"),
				rs.getString("client_secret_env"), names, rs.getString("study_number_claim"), rs.getBoolean("enabled"),
				rs.getBoolean("password_off_for_staff"));
	}

	private static void putIfSet(EnumMap<Language, String> names, Language language, String name) {
		if (name != null) {
			names.put(language, name);
		}
	}

}
