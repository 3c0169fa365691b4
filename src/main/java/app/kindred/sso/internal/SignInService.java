package app.kindred.sso.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.core.Tokens;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountService;
import app.kindred.identity.Accounts;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.Organisations;
import app.kindred.sso.SignInLinkRequested;

/**
 * Whose account a provider's verified sign-in is: the one linked to its (issuer,
 * subject); or, for an address no account has, a new account made from the claims; or,
 * for an address an account has already, nobody until the person proves they own it.
 */
@Service
public class SignInService {

	static final Duration LINK_VALIDITY = Duration.ofHours(1);

	/**
	 * Mailed links per account an hour: enough for a lost mail, too few to pester anyone.
	 */
	static final int LINK_MAILS_PER_HOUR = 3;

	/** What a provider said about the person, as far as Kindred keeps any of it. */
	public record Claims(String issuer, String subject, String email, String name, String locale, String studyNumber) {
	}

	public sealed interface Outcome {

		record SignedIn(AccountId account) implements Outcome {
		}

		record ProofNeeded(PendingLink pending) implements Outcome {
		}

	}

	private final LinkStore links;

	private final ProviderStore providers;

	private final AccountService accountService;

	private final Accounts accounts;

	private final Organisations organisations;

	private final ApplicationEventPublisher events;

	private final KindredProperties properties;

	private final Clock clock;

	SignInService(LinkStore links, ProviderStore providers, AccountService accountService, Accounts accounts,
			Organisations organisations, ApplicationEventPublisher events, KindredProperties properties, Clock clock) {
		this.links = links;
		this.providers = providers;
		this.accountService = accountService;
		this.accounts = accounts;
		this.organisations = organisations;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public Outcome signIn(OrganisationId organisation, Claims claims) {
		var linked = links.account(claims.issuer(), claims.subject());
		if (linked.isPresent()) {
			if (claims.studyNumber() != null) {
				links.studyNumber(claims.issuer(), claims.subject(), claims.studyNumber());
			}
			return new Outcome.SignedIn(linked.get());
		}
		var subject = new LinkStore.Subject(organisation, claims.issuer(), claims.subject(), claims.studyNumber());
		var existing = accounts.findByEmail(claims.email());
		if (existing.isPresent()) {
			return new Outcome.ProofNeeded(new PendingLink(organisation.value(), claims.issuer(), claims.subject(),
					claims.studyNumber(), existing.get().id().value(), existing.get().email(),
					providerName(organisation, existing.get().language())));
		}
		var language = language(claims.locale())
			.orElseGet(() -> organisations.find(organisation).map(o -> o.defaultLanguage()).orElse(Language.EN));
		var name = claims.name() == null || claims.name().isBlank() ? claims.email().split("@")[0] : claims.name();
		var account = accountService.registerExternal(claims.email(), name, language);
		links.link(subject, account, clock.instant());
		return new Outcome.SignedIn(account);
	}

	/**
	 * The pending link is proven (by the account's password): the subject is the
	 * account's from now on.
	 */
	@Transactional
	public void link(PendingLink pending) {
		try {
			links.link(
					new LinkStore.Subject(new OrganisationId(pending.organisation()), pending.issuer(),
							pending.subject(), pending.studyNumber()),
					new AccountId(pending.account()), clock.instant());
		}
		catch (DuplicateKeyException linkedMeanwhile) {
			// Proven twice (two tabs): the first link stands
		}
	}

	/**
	 * Mails the account's address a link that joins the provider's sign-in to it, within
	 * the limit; false when over it.
	 */
	@Transactional
	public boolean mailLink(PendingLink pending) {
		var account = new AccountId(pending.account());
		var now = clock.instant();
		if (links.tokensSince(account, now.minus(Duration.ofHours(1))) >= LINK_MAILS_PER_HOUR) {
			return false;
		}
		var summary = accounts.find(account).orElse(null);
		if (summary == null) {
			return false;
		}
		var token = Tokens.newToken();
		links.insertToken(Tokens.hash(token), account, new LinkStore.Subject(new OrganisationId(pending.organisation()),
				pending.issuer(), pending.subject(), pending.studyNumber()), now, now.plus(LINK_VALIDITY));
		events.publishEvent(new SignInLinkRequested(account, summary.email(), summary.displayName(), summary.language(),
				providerName(new OrganisationId(pending.organisation()), summary.language()),
				properties.link("/sign-in/link/confirm?token=" + token)));
		return true;
	}

	/** The organisation whose sign-in a mailed link joins, while the link can be used. */
	@Transactional(readOnly = true)
	public Optional<OrganisationId> linkTarget(String token) {
		return token == null || token.length() > 200 ? Optional.empty()
				: links.usableToken(Tokens.hash(token), clock.instant()).map(t -> t.subject().organisation());
	}

	/** Opening the mailed link proved the address: joins the sign-in, once. */
	@Transactional
	public Optional<OrganisationId> confirmLink(String token) {
		if (token == null || token.length() > 200) {
			return Optional.empty();
		}
		var hash = Tokens.hash(token);
		var usable = links.usableToken(hash, clock.instant());
		if (usable.isEmpty() || !links.useToken(hash, clock.instant())) {
			return Optional.empty();
		}
		var t = usable.get();
		if (links.account(t.subject().issuer(), t.subject().subject()).isEmpty()) {
			links.link(t.subject(), t.account(), clock.instant());
		}
		return Optional.of(t.subject().organisation());
	}

	/** The name on the organisation's button, in the language. */
	public String providerName(OrganisationId organisation, Language language) {
		var own = providers.find(organisation).map(p -> p.name(language)).orElse(null);
		return own != null ? own : organisations.find(organisation).map(o -> o.name()).orElse("");
	}

	static Optional<Language> language(String locale) {
		if (locale == null || locale.length() < 2) {
			return Optional.empty();
		}
		return switch (locale.substring(0, 2).toLowerCase(Locale.ROOT)) {
			case "fi" -> Optional.of(Language.FI);
			case "sv" -> Optional.of(Language.SV);
			case "en" -> Optional.of(Language.EN);
			default -> Optional.empty();
		};
	}

}
