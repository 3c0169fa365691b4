package app.kindred.identity.web;

import org.springframework.stereotype.Component;

import app.kindred.core.web.IdFormatter;
import app.kindred.identity.AccountId;

@Component
class AccountIdFormatter extends IdFormatter<AccountId> {

	AccountIdFormatter() {
		super(AccountId::new, AccountId::value);
	}

}
