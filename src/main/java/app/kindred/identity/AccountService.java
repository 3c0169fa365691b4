package app.kindred.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.core.KindredProperties;
import app.kindred.identity.internal.CredentialsVersions;
import app.kindred.core.Language;
import app.kindred.core.Tokens;
import app.kindred.core.NotFoundException;

/** Everything a person does with their own account. */
@Service
public class AccountService {

	static final Duration VERIFICATION_VALIDITY = Duration.ofDays(2);
	static final Duration RESET_VALIDITY = Duration.ofHours(1);

	public enum Outcome {

		DONE, INVALID_TOKEN, WRONG_PASSWORD

	}

	private final AccountRepository accounts;

	private final AccountTokenRepository tokens;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final KindredProperties properties;

	private final Clock clock;

	private final MailQuota quota;

	private final SignInThrottle throttle;

	private final TransactionTemplate transaction;

	private final CredentialsVersions versions;

	AccountService(AccountRepository accounts, AccountTokenRepository tokens, PasswordEncoder passwords,
			ApplicationEventPublisher events, KindredProperties properties, Clock clock, MailQuota quota,
			SignInThrottle throttle, PlatformTransactionManager transactions, CredentialsVersions versions) {
		this.versions = versions;
		this.quota = quota;
		this.throttle = throttle;
		this.transaction = new TransactionTemplate(transactions);
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Registers a new account, or, for an address that has one already, tells its owner
	 * by mail (within the mail limits) and changes nothing. The caller answers both
	 * alike, so the form does not reveal who has an account; the password is hashed
	 * either way so that the time taken does not tell either. The first verification mail
	 * of a new account is not counted against the client: a class registering together
	 * from one campus address must all get theirs, and each address can have it only
	 * once.
	 */
	public void register(String email, String displayName, String password, Language language, ZoneId zone,
			String client) {
		var normalized = Account.normalize(email);
		var hash = passwords.encode(password);
		var existing = accounts.findByEmail(normalized);
		if (existing.isPresent()) {
			if (quota.takeForClient(client) && quota.takeForAddress(normalized)) {
				transaction.executeWithoutResult(status -> {
					var owner = existing.get();
					events.publishEvent(new RegistrationAttempted(owner.id(), owner.email(), owner.displayName(),
							owner.language(), properties.link("/sign-in"), properties.link("/password/forgot")));
				});
			}
			return;
		}
		quota.takeForAddress(normalized);
		try {
			transaction.executeWithoutResult(status -> {
				var account = accounts
					.saveAndFlush(new Account(normalized, hash, displayName, language, zone, clock.instant()));
				var link = properties
					.link("/verify?token=" + issue(account, AccountToken.Purpose.VERIFY_EMAIL, VERIFICATION_VALIDITY));
				events.publishEvent(
						new AccountRegistered(account.id(), account.email(), account.displayName(), language, link));
			});
		}
		catch (DataIntegrityViolationException sameAddressAtTheSameMoment) {
			// The other registration won; this one answers like any other, as the address
			// now has an account.
		}
	}

	/** Creates an account that is verified already: for invited staff and demo data. */
	@Transactional
	public AccountId registerVerified(String email, String displayName, String password, Language language) {
		var account = new Account(email, passwords.encode(password), displayName, language,
				ZoneId.of("Europe/Helsinki"), clock.instant());
		account.verifyEmail(clock.instant());
		return accounts.save(account).id();
	}

	/**
	 * Creates an account whose address the organisation's identity provider vouched for.
	 * It gets a random password nobody knows; the owner may set one through "forgot
	 * password".
	 */
	@Transactional
	public AccountId registerExternal(String email, String displayName, Language language) {
		var account = new Account(email, passwords.encode(Tokens.newToken()), displayName, language,
				ZoneId.of("Europe/Helsinki"), clock.instant());
		account.verifyEmail(clock.instant());
		return accounts.saveAndFlush(account).id();
	}

	@Transactional
	public Outcome verify(String token) {
		return usable(token, AccountToken.Purpose.VERIFY_EMAIL).map(t -> {
			t.use(clock.instant());
			accounts.findById(t.accountId()).ifPresent(a -> a.verifyEmail(clock.instant()));
			return Outcome.DONE;
		}).orElse(Outcome.INVALID_TOKEN);
	}

	/**
	 * Answers the same whether or not the address is known, so nobody can find out who
	 * has an account. Every request counts against the client's mail limit, and a mail
	 * against the address's; over either, nothing is sent. The limits are taken outside
	 * the transaction so that each count commits on its own.
	 */
	public void resendVerification(String email, String client) {
		if (!quota.takeForClient(client)) {
			return;
		}
		var normalized = Account.normalize(email);
		if (accounts.findByEmail(normalized).filter(a -> !a.isVerified()).isEmpty()
				|| !quota.takeForAddress(normalized)) {
			return;
		}
		transaction.executeWithoutResult(status -> accounts.findByEmail(normalized).ifPresent(account -> {
			var link = properties
				.link("/verify?token=" + issue(account, AccountToken.Purpose.VERIFY_EMAIL, VERIFICATION_VALIDITY));
			events.publishEvent(new VerificationResent(account.id(), account.email(), account.displayName(),
					account.language(), link));
		}));
	}

	/**
	 * Answers the same whether or not the address is known; limited as
	 * {@link #resendVerification} is.
	 */
	public void requestPasswordReset(String email, String client) {
		if (!quota.takeForClient(client)) {
			return;
		}
		var normalized = Account.normalize(email);
		if (!accounts.existsByEmail(normalized) || !quota.takeForAddress(normalized)) {
			return;
		}
		transaction.executeWithoutResult(status -> accounts.findByEmail(normalized).ifPresent(account -> {
			var link = properties
				.link("/password/reset?token=" + issue(account, AccountToken.Purpose.RESET_PASSWORD, RESET_VALIDITY));
			events.publishEvent(new PasswordResetRequested(account.id(), account.email(), account.displayName(),
					account.language(), link));
		}));
	}

	/**
	 * Whose password a reset link sets, so that the new one can be checked against their
	 * name and address.
	 */
	@Transactional(readOnly = true)
	public Optional<AccountSummary> resetTokenOwner(String token) {
		return usable(token, AccountToken.Purpose.RESET_PASSWORD).flatMap(t -> accounts.findById(t.accountId()))
			.map(Account::summary);
	}

	/**
	 * How long this client must still wait before it may try to sign in to this account
	 * again, if at all.
	 */
	public Optional<Duration> signInWait(String email, String client) {
		if (email == null || client == null) {
			return Optional.empty();
		}
		return throttle.waitUntil(email, client)
			.map(until -> Duration.between(clock.instant(), until))
			.filter(wait -> !wait.isNegative() && !wait.isZero());
	}

	@Transactional(readOnly = true)
	public boolean isResetTokenValid(String token) {
		return usable(token, AccountToken.Purpose.RESET_PASSWORD).isPresent();
	}

	/**
	 * Opening the reset link proves the address too, so an unverified account becomes
	 * verified. The new password ends every session of the account, on every instance;
	 * nobody is signed in by a reset.
	 */
	@Transactional
	public Outcome resetPassword(String token, String newPassword) {
		return usable(token, AccountToken.Purpose.RESET_PASSWORD).map(t -> {
			t.use(clock.instant());
			accounts.findById(t.accountId()).ifPresent(a -> {
				a.changePassword(passwords.encode(newPassword));
				versions.changed(a.id().value());
				a.verifyEmail(clock.instant());
			});
			return Outcome.DONE;
		}).orElse(Outcome.INVALID_TOKEN);
	}

	/**
	 * A new password ends every other session of the account, on every instance; the
	 * session that changed it stays signed in under the new credentials version.
	 */
	@Transactional
	public Outcome changePassword(CurrentUser user, String currentPassword, String newPassword) {
		var account = require(user.id());
		if (!passwords.matches(currentPassword, account.passwordHash())) {
			return Outcome.WRONG_PASSWORD;
		}
		account.changePassword(passwords.encode(newPassword));
		versions.changed(account.id().value());
		user.renewCredentials(account.credentialsVersion());
		return Outcome.DONE;
	}

	@Transactional
	public void updateProfile(AccountId id, String displayName, Language language, ZoneId zone) {
		require(id).updateProfile(displayName, language, zone);
	}

	@Transactional
	public void preferLanguage(AccountId id, Language language) {
		accounts.findById(id.value()).ifPresent(a -> a.prefer(language));
	}

	@Transactional(readOnly = true)
	public Optional<AccountSummary> find(AccountId id) {
		return accounts.findById(id.value()).map(Account::summary);
	}

	@Transactional(readOnly = true)
	public Optional<AccountSummary> findByEmail(String email) {
		return accounts.findByEmail(Account.normalize(email)).map(Account::summary);
	}

	@Transactional(readOnly = true)
	public ZoneId zoneOf(AccountId id) {
		return require(id).zone();
	}

	private Account require(AccountId id) {
		return accounts.findById(id.value()).orElseThrow(() -> new NotFoundException("account"));
	}

	private String issue(Account account, AccountToken.Purpose purpose, Duration validity) {
		tokens.deleteUnused(account.id().value(), purpose);
		var token = Tokens.newToken();
		tokens
			.save(new AccountToken(Tokens.hash(token), account.id().value(), purpose, clock.instant().plus(validity)));
		return token;
	}

	private Optional<AccountToken> usable(String token, AccountToken.Purpose purpose) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return tokens.findById(Tokens.hash(token)).filter(t -> t.isUsableFor(purpose, clock.instant()));
	}

}
