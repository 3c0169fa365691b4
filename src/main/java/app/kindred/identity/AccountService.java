package app.kindred.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.core.Tokens;

/** Everything a person does with their own account. */
@Service
public class AccountService {

	static final Duration VERIFICATION_VALIDITY = Duration.ofDays(2);
	static final Duration RESET_VALIDITY = Duration.ofHours(1);
	/** BCrypt reads at most 72 bytes; a longer password would be silently cut. */
	static final int MAX_PASSWORD_BYTES = 72;

	public enum Outcome {
		DONE, EMAIL_TAKEN, INVALID_TOKEN, WRONG_PASSWORD
	}

	private final AccountRepository accounts;
	private final AccountTokenRepository tokens;
	private final PasswordEncoder passwords;
	private final ApplicationEventPublisher events;
	private final KindredProperties properties;
	private final Clock clock;

	AccountService(AccountRepository accounts, AccountTokenRepository tokens, PasswordEncoder passwords,
			ApplicationEventPublisher events, KindredProperties properties, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	public static boolean passwordFits(String password) {
		return password == null || password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
	}

	@Transactional
	public Outcome register(String email, String displayName, String password, Language language, ZoneId zone) {
		var normalized = Account.normalize(email);
		if (accounts.existsByEmail(normalized)) {
			return Outcome.EMAIL_TAKEN;
		}
		var account = accounts.save(new Account(normalized, passwords.encode(password), displayName, language, zone,
				clock.instant()));
		var link = properties.link("/verify?token=" + issue(account, AccountToken.Purpose.VERIFY_EMAIL, VERIFICATION_VALIDITY));
		events.publishEvent(new AccountRegistered(account.id(), account.email(), account.displayName(), language, link));
		return Outcome.DONE;
	}

	/** Creates an account that is verified already: for invited staff and demo data. */
	@Transactional
	public AccountId registerVerified(String email, String displayName, String password, Language language) {
		var account = new Account(email, passwords.encode(password), displayName, language, ZoneId.of("Europe/Helsinki"),
				clock.instant());
		account.verifyEmail(clock.instant());
		return accounts.save(account).id();
	}

	@Transactional
	public Outcome verify(String token) {
		return usable(token, AccountToken.Purpose.VERIFY_EMAIL).map(t -> {
			t.use(clock.instant());
			accounts.findById(t.accountId()).ifPresent(a -> a.verifyEmail(clock.instant()));
			return Outcome.DONE;
		}).orElse(Outcome.INVALID_TOKEN);
	}

	/** Answers the same whether or not the address is known, so nobody can find out who has an account. */
	@Transactional
	public void resendVerification(String email) {
		accounts.findByEmail(Account.normalize(email)).filter(a -> !a.isVerified()).ifPresent(account -> {
			var link = properties.link("/verify?token=" + issue(account, AccountToken.Purpose.VERIFY_EMAIL, VERIFICATION_VALIDITY));
			events.publishEvent(new VerificationResent(account.id(), account.email(), account.displayName(),
					account.language(), link));
		});
	}

	/** Answers the same whether or not the address is known. */
	@Transactional
	public void requestPasswordReset(String email) {
		accounts.findByEmail(Account.normalize(email)).ifPresent(account -> {
			var link = properties.link("/password/reset?token=" + issue(account, AccountToken.Purpose.RESET_PASSWORD, RESET_VALIDITY));
			events.publishEvent(new PasswordResetRequested(account.id(), account.email(), account.displayName(),
					account.language(), link));
		});
	}

	@Transactional(readOnly = true)
	public boolean isResetTokenValid(String token) {
		return usable(token, AccountToken.Purpose.RESET_PASSWORD).isPresent();
	}

	/** Opening the reset link proves the address too, so an unverified account becomes verified. */
	@Transactional
	public Outcome resetPassword(String token, String newPassword) {
		return usable(token, AccountToken.Purpose.RESET_PASSWORD).map(t -> {
			t.use(clock.instant());
			accounts.findById(t.accountId()).ifPresent(a -> {
				a.changePassword(passwords.encode(newPassword));
				a.verifyEmail(clock.instant());
			});
			return Outcome.DONE;
		}).orElse(Outcome.INVALID_TOKEN);
	}

	@Transactional
	public Outcome changePassword(AccountId id, String currentPassword, String newPassword) {
		var account = require(id);
		if (!passwords.matches(currentPassword, account.passwordHash())) {
			return Outcome.WRONG_PASSWORD;
		}
		account.changePassword(passwords.encode(newPassword));
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
		return accounts.findById(id.value()).orElseThrow(() -> new app.kindred.core.NotFoundException("account"));
	}

	private String issue(Account account, AccountToken.Purpose purpose, Duration validity) {
		tokens.deleteUnused(account.id().value(), purpose);
		var token = Tokens.newToken();
		tokens.save(new AccountToken(Tokens.hash(token), account.id().value(), purpose, clock.instant().plus(validity)));
		return token;
	}

	private Optional<AccountToken> usable(String token, AccountToken.Purpose purpose) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return tokens.findById(Tokens.hash(token)).filter(t -> t.isUsableFor(purpose, clock.instant()));
	}
}
