package org.decoop.partnership.search.web;

import java.time.Instant;

import org.decoop.partnership.search.domain.Closure;
import org.jspecify.annotations.Nullable;

public record ClosureResponse(Instant at, String reason, @Nullable String partnershipId, boolean expired, String by) {

	public static ClosureResponse of(Closure closure) {
		return new ClosureResponse(closure.at(), closure.reason(), closure.partnershipId(), closure.expired(),
				closure.by());
	}
}
