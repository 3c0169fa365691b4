package app.kindred.programme.web;

import org.springframework.stereotype.Component;

import app.kindred.core.web.IdFormatter;
import app.kindred.programme.ProgrammeId;

@Component
class ProgrammeIdFormatter extends IdFormatter<ProgrammeId> {

	ProgrammeIdFormatter() {
		super(ProgrammeId::new, ProgrammeId::value);
	}

}
