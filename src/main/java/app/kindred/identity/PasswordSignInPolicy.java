package app.kindred.identity;

/**
 * Whether an account may sign in with its password; an organisation that signs its staff
 * in only through its identity provider says no for them (module {@code sso}). Asked
 * after the password was found right, so the answer tells nothing to whoever guesses.
 */
public interface PasswordSignInPolicy {

	boolean allowsPassword(AccountId account);

}
