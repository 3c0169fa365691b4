package app.kindred.certificate.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import app.kindred.core.SealedSecrets;
import app.kindred.organisation.OrganisationId;

/**
 * Each organisation's key for signing its credentials: ES256 (P-256), made with Nimbus on
 * first use, its id the key's SHA-256 thumbprint. The private key is stored only sealed
 * ({@link SealedSecrets}), bound to the organisation, so a row copied to another
 * organisation does not decrypt as theirs. Changing the secret makes the stored keys
 * unreadable: credentials can then not be signed until it is set back.
 */
@Component
public class IssuerKeys {

	private static final byte[] SALT = "kindred issuer keys".getBytes(StandardCharsets.UTF_8);

	private static final byte[] INFO = "issuer_key.private_jwe A256GCM v1".getBytes(StandardCharsets.UTF_8);

	/** The organisation a private key belongs to, in the JWE's protected header. */
	private static final String ORGANISATION = "org";

	private final IssuerKeyStore store;

	private final Clock clock;

	private final TransactionTemplate alone;

	private final SealedSecrets sealed;

	IssuerKeys(IssuerKeyStore store, CredentialSettings settings, Clock clock, PlatformTransactionManager tx) {
		this.store = store;
		this.clock = clock;
		this.alone = new TransactionTemplate(tx);
		this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.sealed = new SealedSecrets(settings.secret(), SALT, INFO, ORGANISATION);
	}

	/**
	 * The organisation's signing key with its private part, made now if it has none. Two
	 * instances making it at once end with one key: the second insert fails on the
	 * primary key, in a transaction of its own, and the key stored first is read.
	 */
	public ECKey signingKey(OrganisationId organisation) {
		var stored = store.find(organisation);
		if (stored.isPresent()) {
			return decrypt(stored.get());
		}
		var key = generate();
		try {
			alone.executeWithoutResult(status -> store.insert(new IssuerKeyStore.StoredKey(organisation, key.getKeyID(),
					key.toPublicJWK().toJSONString(), encrypt(organisation, key), clock.instant())));
			return key;
		}
		catch (DuplicateKeyException madeMeanwhile) {
			return decrypt(store.find(organisation).orElseThrow());
		}
	}

	/**
	 * The organisation's public key, without any private part; empty until it has signed
	 * its first credential.
	 */
	public Optional<ECKey> publicKey(OrganisationId organisation) {
		return store.find(organisation).map(k -> {
			try {
				return ECKey.parse(k.publicJwk()).toPublicJWK();
			}
			catch (ParseException e) {
				throw new IllegalStateException("issuer key " + k.keyId() + " is not a JWK", e);
			}
		});
	}

	private static ECKey generate() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.keyIDFromThumbprint(true)
				.generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException("cannot make a P-256 key", e);
		}
	}

	private String encrypt(OrganisationId organisation, ECKey key) {
		return sealed.seal(key.toJSONString(), organisation.toString(), key.getKeyID());
	}

	private ECKey decrypt(IssuerKeyStore.StoredKey stored) {
		var jwk = sealed.open(stored.privateJwe(), stored.organisation().toString());
		try {
			return ECKey.parse(jwk);
		}
		catch (ParseException e) {
			throw new IllegalStateException("issuer key " + stored.keyId() + " is not a JWK", e);
		}
	}

}
