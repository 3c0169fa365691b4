package app.kindred.organisation.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationService;
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

	private final OrganisationService service;

	OrganisationApiController(Organisations organisations, OrganisationService service) {
		this.organisations = organisations;
		this.service = service;
	}

	@Operation(summary = "Set up an organisation; the caller becomes its first admin and coordinator")
	@PostMapping
	ResponseEntity<OrganisationDocument> create(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody OrganisationForm organisation) {
		var id = service.create(organisation.settings(), user.id());
		return ResponseEntity.created(URI.create("/api/v1/organisations/" + id.value()))
			.body(document(organisations.require(id, user.id()), user));
	}

	@Operation(summary = "Change an organisation's settings (organisation admins)")
	@PutMapping("/{id}")
	OrganisationDocument update(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody OrganisationForm organisation) {
		service.update(id, organisation.settings(), user.id());
		return document(organisations.require(id, user.id()), user);
	}

	@Operation(summary = "Organisations the caller is staff of")
	@GetMapping
	List<OrganisationDocument> mine(@AuthenticationPrincipal CurrentUser user) {
		return organisations.staffedBy(user.id()).stream().map(o -> document(o, user)).toList();
	}

	@Operation(summary = "One organisation")
	@GetMapping("/{id}")
	OrganisationDocument show(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user) {
		return document(organisations.require(id, user.id()), user);
	}

	private OrganisationDocument document(OrganisationSummary o, CurrentUser user) {
		return new OrganisationDocument(o.id().value(), o.name(), o.defaultLanguage().code(), o.zone().getId(),
				o.contactName(), o.contactEmail(), organisations.rolesOf(o.id(), user.id()).stream().sorted().toList());
	}

}
