package app.kindred.notification.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataContributor;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountService;

/**
 * The e-mail still kept for the person in "my data": what kind, its subject, when and
 * whether it was sent. Not the bodies: they hold one-time links (a password reset, a
 * verification) that must not travel on in a file, and the same text is on the pages.
 */
@Component
class NotificationPersonalData implements PersonalDataContributor {

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it).
	 */
	static final List<String> TABLES = List.of("outgoing_mail");

	private final OutgoingMailStore store;

	private final AccountService accounts;

	NotificationPersonalData(OutgoingMailStore store, AccountService accounts) {
		this.store = store;
		this.accounts = accounts;
	}

	@Override
	public List<Section> personalData(UUID account) {
		var mails = accounts.find(new AccountId(account)).map(a -> store.addressedTo(a.email())).orElse(List.of());
		return mails.isEmpty() ? List.of() : List.of(new Section("notification.data.mail", 100, mails));
	}

}
