package org.decoop.plan.plan.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

@Schema(example = """
		{"reason": "Merged into the 2021 plan"}""")
public record CancellationRequest(@Size(max = 1000) @Nullable String reason) {
}
