package org.decoop.partnership.localauthority.web;

import org.decoop.platform.i18n.ReaderNames;
import org.decoop.events.LocalAuthorityKind;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

public record LocalAuthorityResponse(String id, @Nullable String code, String name, String country,
		LocalAuthorityKind kind, @Nullable Integer population,
		@Schema(description = "Where it is: WGS84 degrees, null when unknown (then longitude is null too)") @Nullable Double latitude,
		@Schema(description = "WGS84 degrees, null when unknown") @Nullable Double longitude) {

	public static LocalAuthorityResponse of(LocalAuthority authority) {
		return new LocalAuthorityResponse(authority.id().value(), authority.code(), ReaderNames.of(authority.name()),
				authority.country().code(), authority.kind(), authority.population(), authority.latitude(),
				authority.longitude());
	}
}
