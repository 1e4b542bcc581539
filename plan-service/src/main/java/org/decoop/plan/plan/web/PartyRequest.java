package org.decoop.plan.plan.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record PartyRequest(
		@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{1,50}",
				message = "2 to 51 upper-case letters, digits, '-' or '_'") String code,
		@NotBlank @Size(max = 200) String name) {
}
