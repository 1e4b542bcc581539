package org.decoop.plan.plan.web;

import java.time.Instant;

/**
 * {@code signedBy}: the signer's name; {@code signerId}: their token's subject, shown to
 * signed-in readers only (null otherwise).
 */
public record PartyResponse(String code, String name, String signedBy, String signerId, Instant signedAt) {
}
