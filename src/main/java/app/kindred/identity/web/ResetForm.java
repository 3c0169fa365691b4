package app.kindred.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The token is at most as long as the ones Kindred mails; a longer one is refused like
 * any bad link.
 */
record ResetForm(@Size(max = 200) String token, @NotNull @Size(min = 10, max = 72) String password,
		@NotBlank @Size(max = 72) String passwordConfirmation) {
}
