package app.kindred.identity;

/**
 * A principal from an identity provider that has been matched to a Kindred account: on
 * success identity signs in that account as any other.
 */
public interface ExternalAccount {

	AccountId account();

}
