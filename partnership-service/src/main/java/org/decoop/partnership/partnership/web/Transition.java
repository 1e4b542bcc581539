package org.decoop.partnership.partnership.web;

import org.decoop.partnership.partnership.domain.Partnership;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(example = """
		{"reason": "No joint project since 2012"}""")
public record Transition(@NotBlank @Size(max = Partnership.MAX_REASON_LENGTH) String reason) {
}
