package app.kindred.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record RegistrationForm(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 100) String displayName,
		@NotNull @Size(min = 10, max = 72) String password, @NotBlank @Size(max = 72) String passwordConfirmation) {

	static RegistrationForm empty() {
		return new RegistrationForm("", "", "", "");
	}
}
