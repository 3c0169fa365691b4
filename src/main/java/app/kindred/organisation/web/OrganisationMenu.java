package app.kindred.organisation.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationService;
import app.kindred.organisation.internal.OrganisationCreators;

/**
 * Whether the menu offers Organisations: to staff of an organisation, and to whoever may
 * set one up; students do not need it.
 */
@ControllerAdvice(annotations = Controller.class)
class OrganisationMenu {

	private final OrganisationService organisations;

	private final OrganisationCreators creators;

	OrganisationMenu(OrganisationService organisations, OrganisationCreators creators) {
		this.organisations = organisations;
		this.creators = creators;
	}

	@ModelAttribute("organisationsInMenu")
	boolean organisationsInMenu(@AuthenticationPrincipal CurrentUser user) {
		return user != null && (creators.allow(user.email()) || !organisations.staffedBy(user.id()).isEmpty());
	}

}
