package org.decoop.partnership.partnership.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CoordinatorRequest(@NotBlank @Size(max = 200) String name,
		@NotBlank @Email @Size(max = 320) String email) {
}
