package org.decoop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.decoop.platform.testing.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A verified token is reused until it expires, and nothing else is: an expired token or a
 * changed one is refused by the verifier as if nothing were kept.
 */
class VerifiedTokensTest {

	private static final RSAKey KEY = key();

	private final AdjustableClock clock = new AdjustableClock();

	private final AtomicInteger verifications = new AtomicInteger();

	private final JwtDecoder tokens = new VerifiedTokens(token -> {
		verifications.incrementAndGet();
		return verifier().decode(token);
	}, 100, clock);

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aTokenSentAgainIsNotVerifiedAgain() {
		String token = token("nevers", Duration.ofMinutes(5));
		assertThat(tokens.decode(token).getSubject()).isEqualTo("nevers");
		assertThat(tokens.decode(token).getSubject()).isEqualTo("nevers");
		assertThat(verifications).hasValue(1);
		// another caller's token is an entry of its own
		assertThat(tokens.decode(token("skgo", Duration.ofMinutes(5))).getSubject()).isEqualTo("skgo");
		assertThat(verifications).hasValue(2);
	}

	@Test
	void anExpiredTokenIsRefusedEvenThoughItWasKept() {
		String token = token("nevers", Duration.ofMinutes(5));
		tokens.decode(token);
		clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> tokens.decode(token))
			.withMessageContaining("expired");
	}

	@Test
	void aTamperedTokenIsRefusedEvenWhenTheGenuineOneWasKept() {
		String token = token("nevers", Duration.ofMinutes(5));
		tokens.decode(token);
		String[] parts = token.split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String forged = parts[0] + "."
				+ Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(claims.replace("nevers", "ops").getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode(forged));
		assertThat(verifications).hasValue(2);
	}

	@Test
	void aRefusedTokenIsVerifiedEachTime() {
		String token = token("nevers", Duration.ofMinutes(5));
		String badlySigned = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode(badlySigned));
		}
		assertThat(verifications).hasValue(2);
	}

	private NimbusJwtDecoder verifier() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey()).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
		timestamps.setClock(clock);
		decoder.setJwtValidator(timestamps);
		return decoder;
	}

	private String token(String subject, Duration life) {
		Instant now = clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).issuedAt(now).expiresAt(now.plus(life)).build();
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KEY)))
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
	}

	private static RSAPublicKey publicKey() {
		try {
			return KEY.toRSAPublicKey();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey key() {
		try {
			return new RSAKeyGenerator(2048).keyID("verified-tokens-test").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
