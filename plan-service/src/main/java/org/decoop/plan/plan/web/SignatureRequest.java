package org.decoop.plan.plan.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(example = """
		{"party": "SKGO"}""")
public record SignatureRequest(@NotBlank @Size(max = 51) String party) {
}
