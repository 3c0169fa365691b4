package app.kindred.identity.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import app.kindred.core.Language;

record ProfileForm(@NotBlank @Size(max = 100) String displayName, @NotNull Language language,
		@NotBlank String timeZone) {

	/** The time zone chosen, or empty with each problem at its field. */
	Optional<ZoneId> check(BindingResult result) {
		ZoneId zone = null;
		if (!result.hasFieldErrors("timeZone")) {
			try {
				zone = ZoneId.of(timeZone);
			}
			catch (DateTimeException e) {
				result.rejectValue("timeZone", "account.timeZone.invalid");
			}
		}
		return result.hasErrors() ? Optional.empty() : Optional.of(zone);
	}
}
