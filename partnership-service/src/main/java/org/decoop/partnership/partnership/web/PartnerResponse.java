package org.decoop.partnership.partnership.web;

import io.swagger.v3.oas.annotations.media.Schema;

public record PartnerResponse(String id, String code, String name, String country,
		@Schema(description = "Where the partner is: WGS84 degrees, null when unknown") Double latitude,
		@Schema(description = "WGS84 degrees, null when unknown") Double longitude) {
}
