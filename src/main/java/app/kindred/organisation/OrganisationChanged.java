package app.kindred.organisation;

/**
 * An organisation admin changed the organisation's settings (its name, time zone,
 * language or contact): what other modules keep of it is out of date.
 */
public record OrganisationChanged(OrganisationId organisation) {
}
