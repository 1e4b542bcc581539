package org.decoop.plan.plan.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * {@code signedBy}: the signer's name; {@code signerId}: their token's subject, shown to
 * signed-in readers only (null otherwise).
 */
public record PartyResponse(String code, String name, @Nullable String signedBy, @Nullable String signerId,
		@Nullable Instant signedAt) {
}
