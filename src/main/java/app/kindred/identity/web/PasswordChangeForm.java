package app.kindred.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record PasswordChangeForm(@NotBlank String currentPassword, @NotBlank @Size(min = 10, max = 72) String newPassword,
		@NotBlank String newPasswordConfirmation) {

	static PasswordChangeForm empty() {
		return new PasswordChangeForm("", "", "");
	}
}
