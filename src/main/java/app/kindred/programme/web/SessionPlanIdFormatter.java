package app.kindred.programme.web;

import org.springframework.stereotype.Component;

import app.kindred.core.web.IdFormatter;
import app.kindred.programme.internal.SessionPlanId;

@Component
class SessionPlanIdFormatter extends IdFormatter<SessionPlanId> {

	SessionPlanIdFormatter() {
		super(SessionPlanId::new, SessionPlanId::value);
	}

}
