package org.decoop.partnership.localauthority.web;

import org.decoop.events.LocalAuthorityKind;
import org.decoop.partnership.localauthority.domain.LocalAuthority;

import io.swagger.v3.oas.annotations.media.Schema;

public record LocalAuthorityResponse(String id, String code, String name, String country, LocalAuthorityKind kind,
		Integer population,
		@Schema(description = "Where it is: WGS84 degrees, null when unknown (then longitude is null too)") Double latitude,
		@Schema(description = "WGS84 degrees, null when unknown") Double longitude) {

	public static LocalAuthorityResponse of(LocalAuthority authority) {
		return new LocalAuthorityResponse(authority.id().value(), authority.code(), authority.name(),
				authority.country().code(), authority.kind(), authority.population(),
				authority.coordinates() == null ? null : authority.coordinates().latitude(),
				authority.coordinates() == null ? null : authority.coordinates().longitude());
	}
}
