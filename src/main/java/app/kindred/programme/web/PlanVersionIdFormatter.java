package app.kindred.programme.web;

import org.springframework.stereotype.Component;

import app.kindred.core.web.IdFormatter;
import app.kindred.programme.internal.PlanVersionId;

@Component
class PlanVersionIdFormatter extends IdFormatter<PlanVersionId> {

	PlanVersionIdFormatter() {
		super(PlanVersionId::new, PlanVersionId::value);
	}

}
