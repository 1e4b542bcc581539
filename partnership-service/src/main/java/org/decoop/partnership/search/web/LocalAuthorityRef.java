package org.decoop.partnership.search.web;

import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.jspecify.annotations.Nullable;

public record LocalAuthorityRef(String id, @Nullable String code, String name, String country) {

	public static LocalAuthorityRef of(LocalAuthority authority) {
		return new LocalAuthorityRef(authority.id().value(), authority.code(), authority.name(),
				authority.country().code());
	}
}
