package app.kindred.organisation.web;

import org.springframework.stereotype.Component;

import app.kindred.core.web.IdFormatter;
import app.kindred.organisation.OrganisationId;

@Component
class OrganisationIdFormatter extends IdFormatter<OrganisationId> {

	OrganisationIdFormatter() {
		super(OrganisationId::new, OrganisationId::value);
	}

}
