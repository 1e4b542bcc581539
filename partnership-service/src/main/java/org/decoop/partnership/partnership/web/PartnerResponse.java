package org.decoop.partnership.partnership.web;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

public record PartnerResponse(String id, @Nullable String code, String name, String country,
		@Schema(description = "Where the partner is: WGS84 degrees, null when unknown") @Nullable Double latitude,
		@Schema(description = "WGS84 degrees, null when unknown") @Nullable Double longitude) {
}
