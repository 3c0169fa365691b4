package app.kindred.programme.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeStatus;
import app.kindred.programme.ProgrammeView;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Programmes", description = "Read for the organisation's staff; create and update for its coordinators")
class ProgrammeApiController {

	/**
	 * A programme as the API shows it; {@code settings} is what PUT takes back, in the
	 * organisation's local time.
	 */
	record ProgrammeDocument(UUID id, UUID organisationId, ProgrammeStatus status, String timeZone,
			ProgrammeForm settings) {

		static ProgrammeDocument of(ProgrammeView view) {
			return new ProgrammeDocument(view.id().value(), view.organisation().value(), view.status(),
					view.zone().getId(), ProgrammeForm.of(view));
		}
	}

	private final ProgrammeService programmes;

	private final ProgrammeAccess access;

	private final Organisations organisations;

	ProgrammeApiController(ProgrammeService programmes, ProgrammeAccess access, Organisations organisations) {
		this.programmes = programmes;
		this.access = access;
		this.organisations = organisations;
	}

	/**
	 * A body is checked as the pages check the form, and answered like any other invalid
	 * body: a problem detail with each problem at its field.
	 */
	@InitBinder("programmeForm")
	void check(WebDataBinder binder) {
		binder.addValidators(Validator.forInstanceOf(ProgrammeForm.class, ProgrammeForm::check));
	}

	@Operation(summary = "The organisation's programmes")
	@GetMapping("/organisations/{orgId}/programmes")
	List<ProgrammeDocument> list(@PathVariable OrganisationId orgId, @AuthenticationPrincipal CurrentUser user) {
		return programmes.ofOrganisation(orgId, user.id()).stream().map(ProgrammeDocument::of).toList();
	}

	@Operation(summary = "Create a draft programme")
	@PostMapping("/organisations/{orgId}/programmes")
	ResponseEntity<ProgrammeDocument> create(@PathVariable OrganisationId orgId,
			@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ProgrammeForm programmeForm) {
		var organisation = organisations.require(orgId, user.id(), Role.COORDINATOR);
		var id = programmes.create(organisation.id(), programmeForm.texts(), programmeForm.groupLanguages(),
				programmeForm.settings(organisation.zone()), user.id());
		return ResponseEntity.created(URI.create("/api/v1/programmes/" + id))
			.body(ProgrammeDocument.of(access.staff(id, user.id())));
	}

	@Operation(summary = "One programme")
	@GetMapping("/programmes/{id}")
	ProgrammeDocument show(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user) {
		return ProgrammeDocument.of(access.staff(id, user.id()));
	}

	@Operation(summary = "Replace a programme's settings")
	@PutMapping("/programmes/{id}")
	ProgrammeDocument update(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody ProgrammeForm programmeForm) {
		var programme = access.staff(id, user.id());
		programmes.update(programme.id(), programmeForm.texts(), programmeForm.groupLanguages(),
				programmeForm.settings(programme.zone()), user.id());
		return ProgrammeDocument.of(access.staff(programme.id(), user.id()));
	}

}
