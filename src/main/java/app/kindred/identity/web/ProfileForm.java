package app.kindred.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import app.kindred.core.Language;

record ProfileForm(@NotBlank @Size(max = 100) String displayName, @NotNull Language language,
		@NotBlank String timeZone) {
}
