package org.decoop.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * An identity provider for tests: an RSA key made by the test run, its public JWK set
 * served over HTTP like Keycloak's {@code /certs}, and access tokens shaped like the
 * decoop realm's ({@code aud} {@code decoop-api}, {@code acts_for},
 * {@code realm_access.roles}). The services validate them for real (signature, issuer,
 * audience, expiry) with Spring Boot's decoder; no decoder is mocked. One per JVM, like
 * the rest of the test infrastructure.
 */
public final class TestTokens {

	public static final String ISSUER = "http://issuer.test/realms/decoop";

	public static final String AUDIENCE = "decoop-api";

	private static TestTokens shared;

	private final RSAKey key;

	private final RSAKey otherKey;

	private final String jwkSetUri;

	private final String secretKey;

	private TestTokens() {
		try {
			key = new RSAKeyGenerator(2048).keyID("test-key").generate();
			otherKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
			byte[] jwkSet = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/certs", exchange -> {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, jwkSet.length);
				exchange.getResponseBody().write(jwkSet);
				exchange.close();
			});
			server.start();
			jwkSetUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
			byte[] keyBytes = new byte[32];
			new java.security.SecureRandom().nextBytes(keyBytes);
			secretKey = java.util.Base64.getEncoder().encodeToString(keyBytes);
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static synchronized TestTokens shared() {
		if (shared == null) {
			shared = new TestTokens();
		}
		return shared;
	}

	/**
	 * What a service needs to trust these tokens, as in production: keys by URL, issuer
	 * and audience checked.
	 */
	public Map<String, Object> springProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri);
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER);
		properties.put("spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
		return properties;
	}

	/** A webhook-secret key made by this test run (base64 of 32 random bytes). */
	public String secretKey() {
		return secretKey;
	}

	/** A user acting for these codes, e.g. {@code user("nevers", "FR-NEVERS")}. */
	public String user(String username, String... actsFor) {
		return token(username, List.of(actsFor), List.of(), claims -> {
		});
	}

	/**
	 * A user with the {@code steward} role (the Embassy, SKGO), acting for these codes.
	 */
	public String steward(String username, String... actsFor) {
		return token(username, List.of(actsFor), List.of("steward"), claims -> {
		});
	}

	/** A user with the {@code ops} role. */
	public String ops(String username) {
		return token(username, List.of(), List.of("ops"), claims -> {
		});
	}

	/**
	 * A well-formed token for this user, but changed by {@code tamper} (another issuer,
	 * audience, expiry...).
	 */
	public String tampered(String username, List<String> actsFor, Consumer<JWTClaimsSet.Builder> tamper) {
		return token(username, actsFor, List.of("steward"), tamper);
	}

	/** The same claims as {@link #steward}, signed by a key nobody trusts. */
	public String signedByAnotherKey(String username, String... actsFor) {
		return sign(otherKey, claims(username, List.of(actsFor), List.of("steward")).build());
	}

	/** The subject the tokens of {@code username} carry. */
	public static String subjectOf(String username) {
		return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private String token(String username, List<String> actsFor, List<String> roles,
			Consumer<JWTClaimsSet.Builder> tamper) {
		JWTClaimsSet.Builder claims = claims(username, actsFor, roles);
		tamper.accept(claims);
		return sign(key, claims.build());
	}

	private static JWTClaimsSet.Builder claims(String username, List<String> actsFor, List<String> roles) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(AUDIENCE)
			.subject(subjectOf(username))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("preferred_username", username)
			.claim("acts_for", actsFor)
			.claim("realm_access", Map.of("roles", roles));
	}

	private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
			jwt.sign(new RSASSASigner(signingKey));
			return jwt.serialize();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

}
