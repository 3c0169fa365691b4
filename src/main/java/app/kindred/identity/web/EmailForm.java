package app.kindred.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record EmailForm(@NotBlank @Email @Size(max = 254) String email) {
}
