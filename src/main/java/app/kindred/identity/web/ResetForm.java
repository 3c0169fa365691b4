package app.kindred.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ResetForm(String token, @NotBlank @Size(min = 10, max = 72) String password, @NotBlank String passwordConfirmation) {
}
