package app.kindred.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;

/**
 * Secrets stored sealed as a JWE ({@code dir}, {@code A256GCM}) under a key derived from
 * {@code KINDRED_CREDENTIAL_SECRET} by HKDF-SHA256, bound to their owner by a parameter
 * in the protected header, so a row copied to another owner does not open as theirs. The
 * certificate module's signing keys and the sso module's client secrets are kept so.
 */
public final class SealedSecrets {

	private final SecretKey key;

	private final String owner;

	/**
	 * @param secret the operator's secret; blank means nothing can be sealed or opened
	 * @param salt and {@code info}: what sets this use's key apart from every other's
	 * @param owner the header parameter naming whose secret it is
	 */
	public SealedSecrets(String secret, byte[] salt, byte[] info, String owner) {
		this.key = secret == null || secret.isBlank() ? null : derive(secret, salt, info);
		this.owner = owner;
	}

	public boolean available() {
		return key != null;
	}

	public String seal(String plain, String ownerValue, String keyId) {
		var header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(keyId)
			.customParam(owner, ownerValue)
			.build();
		var jwe = new JWEObject(header, new Payload(plain));
		try {
			jwe.encrypt(new DirectEncrypter(key()));
		}
		catch (JOSEException e) {
			throw new IllegalStateException("cannot seal a secret", e);
		}
		return jwe.serialize();
	}

	/**
	 * The sealed text, when it belongs to {@code ownerValue} and opens with this key.
	 * @throws IllegalStateException otherwise (typically the operator's secret changed)
	 */
	public String open(String sealed, String ownerValue) {
		try {
			var jwe = JWEObject.parse(sealed);
			if (!ownerValue.equals(jwe.getHeader().getCustomParam(owner))) {
				throw new IllegalStateException("sealed secret belongs to another owner");
			}
			jwe.decrypt(new DirectDecrypter(key()));
			return jwe.getPayload().toString();
		}
		catch (ParseException | JOSEException e) {
			throw new IllegalStateException(
					"a sealed secret cannot be opened: was KINDRED_CREDENTIAL_SECRET changed since it was sealed?", e);
		}
	}

	private SecretKey key() {
		if (key == null) {
			throw new IllegalStateException("no KINDRED_CREDENTIAL_SECRET: secrets cannot be sealed or opened");
		}
		return key;
	}

	/**
	 * HKDF-SHA256 (RFC 5869), extract then one block of expand: 256 bits for A256GCM. The
	 * JDK's own HKDF needs Java 25, and Kindred runs on 21.
	 */
	private static SecretKey derive(String secret, byte[] salt, byte[] info) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(salt, "HmacSHA256"));
			var pseudorandom = mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			mac.init(new SecretKeySpec(pseudorandom, "HmacSHA256"));
			mac.update(info);
			mac.update((byte) 1);
			return new SecretKeySpec(mac.doFinal(), "AES");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
		}
	}

}
