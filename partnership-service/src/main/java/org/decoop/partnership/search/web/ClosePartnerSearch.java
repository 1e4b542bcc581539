package org.decoop.partnership.search.web;

import org.decoop.partnership.search.domain.PartnerSearch;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(example = """
		{"reason": "Found a partner: Suresnes", "partnershipId": "<id of the new partnership>"}""")
public record ClosePartnerSearch(@NotBlank @Size(max = PartnerSearch.MAX_REASON_LENGTH) String reason,
		@Size(max = 100) @Nullable String partnershipId) {
}
