package app.kindred.organisation.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations", description = "The organisations the caller is staff of")
class OrganisationApiController {

	record OrganisationDocument(UUID id, String name, String defaultLanguage, String timeZone, String contactName,
			String contactEmail, List<Role> yourRoles) {
	}

	private final Organisations organisations;

	OrganisationApiController(Organisations organisations) {
		this.organisations = organisations;
	}

	@Operation(summary = "Organisations the caller is staff of")
	@GetMapping
	List<OrganisationDocument> mine(@AuthenticationPrincipal CurrentUser user) {
		return organisations.staffedBy(user.id()).stream().map(o -> document(o, user)).toList();
	}

	@Operation(summary = "One organisation")
	@GetMapping("/{id}")
	OrganisationDocument show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return document(organisations.require(new OrganisationId(id), user.id()), user);
	}

	private OrganisationDocument document(OrganisationSummary o, CurrentUser user) {
		return new OrganisationDocument(o.id().value(), o.name(), o.defaultLanguage().code(), o.zone().getId(),
				o.contactName(), o.contactEmail(), organisations.rolesOf(o.id(), user.id()).stream().sorted().toList());
	}
}
