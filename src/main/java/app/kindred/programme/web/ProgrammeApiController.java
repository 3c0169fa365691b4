package app.kindred.programme.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeStatus;
import app.kindred.programme.ProgrammeView;
import app.kindred.programme.IllegalProgrammeTransition;
import app.kindred.programme.ProgrammeService;

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

	private final Organisations organisations;

	private final ProgrammeRules rules;

	ProgrammeApiController(ProgrammeService programmes, Organisations organisations, ProgrammeRules rules) {
		this.programmes = programmes;
		this.organisations = organisations;
		this.rules = rules;
	}

	@InitBinder("programmeForm")
	void rules(WebDataBinder binder) {
		binder.addValidators(rules);
	}

	@Operation(summary = "The organisation's programmes")
	@GetMapping("/organisations/{orgId}/programmes")
	List<ProgrammeDocument> list(@PathVariable UUID orgId, @AuthenticationPrincipal CurrentUser user) {
		return programmes.ofOrganisation(new OrganisationId(orgId), user.id())
			.stream()
			.map(ProgrammeDocument::of)
			.toList();
	}

	@Operation(summary = "Create a draft programme")
	@PostMapping("/organisations/{orgId}/programmes")
	ResponseEntity<ProgrammeDocument> create(@PathVariable UUID orgId, @AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody ProgrammeForm programmeForm) {
		var organisation = organisations.require(new OrganisationId(orgId), user.id(), Role.COORDINATOR);
		var id = programmes.create(organisation.id(), programmeForm.texts(), programmeForm.groupLanguages(),
				programmeForm.settings(organisation.zone()), user.id());
		return ResponseEntity.created(URI.create("/api/v1/programmes/" + id.value()))
			.body(ProgrammeDocument.of(programmes.forStaff(id, user.id())));
	}

	@Operation(summary = "One programme")
	@GetMapping("/programmes/{id}")
	ProgrammeDocument show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return ProgrammeDocument.of(programmes.forStaff(new ProgrammeId(id), user.id()));
	}

	@Operation(summary = "Replace a programme's settings")
	@PutMapping("/programmes/{id}")
	ProgrammeDocument update(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody ProgrammeForm programmeForm) {
		var programme = programmes.forStaff(new ProgrammeId(id), user.id());
		programmes.update(programme.id(), programmeForm.texts(), programmeForm.groupLanguages(),
				programmeForm.settings(programme.zone()), user.id());
		return ProgrammeDocument.of(programmes.forStaff(programme.id(), user.id()));
	}

	@ExceptionHandler(IllegalProgrammeTransition.class)
	ProblemDetail conflict(IllegalProgrammeTransition e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
	}

}
