package org.decoop.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the first answer to an {@code Idempotency-Key} is kept, and how long a claim
 * on a key that never got its answer (its instance died mid-request) holds before another
 * request may take the key over.
 *
 * @param retention how long a key's first answer is given again (24 h by default)
 * @param claimTimeout how long a repeat is answered 409 while the first request runs
 */
@ConfigurationProperties("decoop.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention,
		@DefaultValue("1m") Duration claimTimeout) {

	public IdempotencyProperties {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("decoop.idempotency.retention must be positive");
		}
		if (claimTimeout.isNegative() || claimTimeout.isZero()) {
			throw new IllegalArgumentException("decoop.idempotency.claim-timeout must be positive");
		}
	}

}
