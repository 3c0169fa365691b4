package app.kindred.organisation.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import app.kindred.organisation.Role;

record InviteForm(@NotBlank @Email @Size(max = 254) String email, @NotNull Role role) {

	static InviteForm blank() {
		return new InviteForm("", Role.COORDINATOR);
	}
}
