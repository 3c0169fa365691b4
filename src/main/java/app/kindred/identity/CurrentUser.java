package app.kindred.identity;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import app.kindred.core.Language;

/**
 * The signed-in person. Organisation and programme roles are not kept here but looked up
 * on each request, so a revoked role stops working at once.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

	/**
	 * Fixed, so that sessions stored by one version of Kindred (they are shared through
	 * the database) still read in the next as long as the fields stay the same.
	 */
	private static final long serialVersionUID = 1L;

	/**
	 * Session attribute: the address typed into a failed sign-in, shown again on the
	 * form.
	 */
	public static final String SIGN_IN_EMAIL = "kindred.signInEmail";

	private final AccountId id;

	private final String email;

	private String displayName;

	private Language language;

	private ZoneId zone;

	private String passwordHash;

	private final boolean verified;

	private volatile long credentialsVersion;

	public CurrentUser(AccountId id, String email, String displayName, Language language, ZoneId zone,
			String passwordHash, boolean verified) {
		this(id, email, displayName, language, zone, passwordHash, verified, 0);
	}

	CurrentUser(AccountId id, String email, String displayName, Language language, ZoneId zone, String passwordHash,
			boolean verified, long credentialsVersion) {
		this.credentialsVersion = credentialsVersion;
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.language = language;
		this.zone = zone;
		this.passwordHash = passwordHash;
		this.verified = verified;
	}

	public AccountId id() {
		return id;
	}

	public String email() {
		return email;
	}

	public String displayName() {
		return displayName;
	}

	public Language language() {
		return language;
	}

	public ZoneId zone() {
		return zone;
	}

	/** Profile changes show at once, without signing in again. */
	public void refresh(String displayName, Language language, ZoneId zone) {
		this.displayName = displayName;
		this.language = language;
		this.zone = zone;
	}

	/**
	 * The account's credentials version this session signed in with; a session with an
	 * older one has ended.
	 */
	long credentialsVersion() {
		return credentialsVersion;
	}

	/**
	 * The password was changed in this very session: it stays signed in under the new
	 * version.
	 */
	void renewCredentials(long version) {
		this.credentialsVersion = version;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isEnabled() {
		return verified;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

}
