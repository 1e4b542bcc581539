package org.decoop.partnership.localauthority.web;

import org.decoop.events.LocalAuthorityKind;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.jspecify.annotations.Nullable;

public record LocalAuthorityResponse(String id, @Nullable String code, String name, String country,
		LocalAuthorityKind kind, @Nullable Integer population) {

	public static LocalAuthorityResponse of(LocalAuthority authority) {
		return new LocalAuthorityResponse(authority.id().value(), authority.code(), authority.name(),
				authority.country().code(), authority.kind(), authority.population());
	}
}
