package app.kindred.privacy.web;

import org.springframework.stereotype.Component;

import app.kindred.core.web.IdFormatter;
import app.kindred.privacy.ErasureRequestId;

@Component
class ErasureRequestIdFormatter extends IdFormatter<ErasureRequestId> {

	ErasureRequestIdFormatter() {
		super(ErasureRequestId::new, ErasureRequestId::value);
	}

}
