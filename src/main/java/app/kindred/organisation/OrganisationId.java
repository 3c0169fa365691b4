package app.kindred.organisation;

import java.util.UUID;

public record OrganisationId(UUID value) {
}
