package app.kindred.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * No password is longer than 72 characters (BCrypt's limit), so a longer one is refused
 * at its field unchecked.
 */
record PasswordChangeForm(@NotBlank @Size(max = 72) String currentPassword,
		@NotNull @Size(min = 10, max = 72) String newPassword,
		@NotBlank @Size(max = 72) String newPasswordConfirmation) {

	static PasswordChangeForm empty() {
		return new PasswordChangeForm("", "", "");
	}
}
