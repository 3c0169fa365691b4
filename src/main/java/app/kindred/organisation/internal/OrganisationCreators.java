package app.kindred.organisation.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who the instance's operator lets set up organisations besides the networks' staff, from
 * {@code kindred.organisations.creators}: addresses ({@code anna@uni.fi}), whole domains
 * ({@code @uni.fi}), or {@code *} for everyone (a sandbox). Empty by default, so that on
 * a new instance the operator names the first founder.
 */
@Component
public class OrganisationCreators {

	private final List<String> allowed;

	OrganisationCreators(@Value("${kindred.organisations.creators:}") List<String> allowed) {
		this.allowed = allowed.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).filter(a -> !a.isEmpty()).toList();
	}

	public boolean allow(String email) {
		var address = email.strip().toLowerCase(Locale.ROOT);
		return allowed.stream()
			.anyMatch(a -> a.equals("*") || a.equals(address) || (a.startsWith("@") && address.endsWith(a)));
	}

}
