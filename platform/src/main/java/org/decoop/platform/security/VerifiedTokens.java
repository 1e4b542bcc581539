package org.decoop.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.decoop.platform.domain.Sha256;

/**
 * A token verified once is reused until it expires: a client sends the same bearer token
 * for its whole life (minutes), and checking its signature again on every request was the
 * largest single cost of a command after the database. Spring Security caches the key
 * set, not the verified token, hence this wrapper of the configured decoder.
 * <p>
 * Kept by the SHA-256 of the whole token, so a token changed in any byte (a tampered
 * claim or signature) is another key and is verified in full. Only tokens that passed
 * every check are kept, at most {@code maximumSize}, each until its {@code exp}; a token
 * without one is verified each time. What a cache cannot know: a signing key withdrawn
 * from the issuer's key set stops refusing its tokens only when they expire (as a revoked
 * session does for any JWT).
 */
final class VerifiedTokens implements JwtDecoder {

	private final JwtDecoder verifier;

	private final Clock clock;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(JwtDecoder verifier, long maximumSize, Clock clock) {
		this.verifier = verifier;
		this.clock = clock;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(Expiry.creating((String hash, Jwt jwt) -> lifeLeft(jwt)))
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		String hash = Sha256.hex(token);
		Jwt known = verified.getIfPresent(hash);
		if (known != null && lifeLeft(known).isPositive()) {
			return known;
		}
		// not known, or expired meanwhile: the verifier decides (and refuses an expired
		// one)
		verified.invalidate(hash);
		Jwt jwt = verifier.decode(token);
		if (jwt.getExpiresAt() != null) {
			verified.put(hash, jwt);
		}
		return jwt;
	}

	/** Until the token's own expiry, by this clock; none without an expiry. */
	private Duration lifeLeft(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		return expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt);
	}

}
