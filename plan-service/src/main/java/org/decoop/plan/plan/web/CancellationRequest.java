package org.decoop.plan.plan.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

@Schema(example = """
		{"reason": "Merged into the 2021 plan"}""")
public record CancellationRequest(@Size(max = 1000) String reason) {
}
