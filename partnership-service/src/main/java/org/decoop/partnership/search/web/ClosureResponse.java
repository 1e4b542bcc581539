package org.decoop.partnership.search.web;

import java.time.Instant;

import org.decoop.partnership.search.domain.Closure;

public record ClosureResponse(Instant at, String reason, String partnershipId, boolean expired, String by) {

	public static ClosureResponse of(Closure closure) {
		return closure == null ? null : new ClosureResponse(closure.at(), closure.reason(), closure.partnershipId(),
				closure.expired(), closure.by());
	}
}
