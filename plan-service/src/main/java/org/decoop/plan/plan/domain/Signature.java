package org.decoop.plan.plan.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A party's signature of a plan: who signed for it (the name from their token, and its
 * subject {@code signerId}; none in signatures older than identity), and when.
 */
public record Signature(String party, String signedBy, String signerId, Instant signedAt) {

	public Signature {
		Objects.requireNonNull(party, "party");
		Objects.requireNonNull(signedBy, "signedBy");
		Objects.requireNonNull(signedAt, "signedAt");
	}
}
