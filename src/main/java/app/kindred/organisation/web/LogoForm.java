package app.kindred.organisation.web;

import java.io.IOException;
import java.util.Optional;

import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

import app.kindred.organisation.internal.LogoService;

/** The logo upload: one file, whose bytes decide what it is. */
record LogoForm(MultipartFile file) {

	static LogoForm blank() {
		return new LogoForm(null);
	}

	/**
	 * The file's bytes; empty, with the problem at the field, when nothing was sent or
	 * too much to read.
	 */
	Optional<byte[]> check(BindingResult result) {
		if (result.hasFieldErrors("file")) {
			return Optional.empty();
		}
		if (file == null || file.isEmpty()) {
			result.rejectValue("file", "organisation.logo.missing");
			return Optional.empty();
		}
		if (!LogoService.withinLimit(file.getSize())) {
			result.rejectValue("file", "organisation.logo.tooLarge");
			return Optional.empty();
		}
		try {
			return Optional.of(file.getBytes());
		}
		catch (IOException ex) {
			result.rejectValue("file", "organisation.logo.unreadable");
			return Optional.empty();
		}
	}

}
