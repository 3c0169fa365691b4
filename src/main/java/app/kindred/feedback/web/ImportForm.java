package app.kindred.feedback.web;

import java.io.IOException;
import java.util.Optional;

import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

import app.kindred.feedback.internal.SurveyFormat;

/** An instrument's file to import: its bytes decide what it is. */
record ImportForm(MultipartFile file) {

	static ImportForm blank() {
		return new ImportForm(null);
	}

	/**
	 * The file's bytes; empty, with the problem at the field, when none or too many came.
	 */
	Optional<byte[]> check(BindingResult result) {
		if (result.hasFieldErrors("file")) {
			return Optional.empty();
		}
		if (file == null || file.isEmpty()) {
			result.rejectValue("file", "feedback.forms.file.missing");
			return Optional.empty();
		}
		if (file.getSize() > SurveyFormat.MAX_BYTES) {
			result.rejectValue("file", "feedback.format.tooLarge");
			return Optional.empty();
		}
		try {
			return Optional.of(file.getBytes());
		}
		catch (IOException ex) {
			result.rejectValue("file", "feedback.forms.file.unreadable");
			return Optional.empty();
		}
	}

}
