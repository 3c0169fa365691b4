package app.kindred.privacy.web;

import org.springframework.validation.BindingResult;

import app.kindred.privacy.internal.ErasureService;

/** Why a coordinator refuses a request to be erased: the person reads it. */
record RefuseForm(String reason) {

	static RefuseForm blank() {
		return new RefuseForm("");
	}

	boolean check(BindingResult result) {
		if (!result.hasFieldErrors("reason")
				&& (reason == null || reason.isBlank() || reason.strip().length() > ErasureService.REASON_LENGTH)) {
			result.rejectValue("reason", "erasure.refuse.reasonRequired");
		}
		return !result.hasErrors();
	}

}
