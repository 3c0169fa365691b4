package app.kindred.certificate.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.organisation.OrganisationId;

/** The organisations' signing keys: the public one as a JWK, the private one as a JWE. */
@Repository
class IssuerKeyStore {

	private final JdbcClient jdbc;

	IssuerKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A key as stored: the private part only ever encrypted. */
	record StoredKey(OrganisationId organisation, String keyId, String publicJwk, String privateJwe,
			Instant createdAt) {
	}

	Optional<StoredKey> find(OrganisationId organisation) {
		return jdbc.sql("select key_id, public_jwk, private_jwe, created_at from issuer_key where organisation_id = ?")
			.param(organisation.value())
			.query((rs, n) -> new StoredKey(organisation, rs.getString("key_id"), rs.getString("public_jwk"),
					rs.getString("private_jwe"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/**
	 * Throws {@code DuplicateKeyException} when the organisation has a key already; on
	 * PostgreSQL that ends the transaction, so callers insert in a transaction of its
	 * own.
	 */
	void insert(StoredKey key) {
		jdbc.sql("""
				insert into issuer_key (organisation_id, key_id, public_jwk, private_jwe, created_at)
				values (?, ?, ?, ?, ?)""")
			.params(key.organisation().value(), key.keyId(), key.publicJwk(), key.privateJwe(),
					key.createdAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
			.update();
	}

}
