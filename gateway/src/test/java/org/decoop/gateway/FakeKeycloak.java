package org.decoop.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for Keycloak's realm on a port of its own: its keys and its token endpoint
 * (authorization code with PKCE, refresh). Its sign-in form is the test itself, which
 * hands out a code for the authorization request the gateway sent the browser with
 * ({@link #approve}). It signs the ID tokens with a key of its own, as Keycloak does.
 */
final class FakeKeycloak implements AutoCloseable {

	static final String REALM_PATH = "/realms/decoop/protocol/openid-connect/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A code's authorization request: what the token request must match. */
	private record Approved(String nonce, String codeChallenge, String username) {
	}

	/** The form of each token request and its Authorization header. */
	final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();

	private final Map<String, Approved> codes = new ConcurrentHashMap<>();

	private final AtomicInteger issued = new AtomicInteger();

	private final RSAKey key;

	private final DisposableServer server;

	/** The access tokens' lifetime; under a minute, Spring refreshes them before use. */
	volatile int accessTokenSeconds = 300;

	volatile boolean refreshRefused;

	/** The newest access token it gave. */
	volatile String lastAccessToken = "";

	private FakeKeycloak() {
		try {
			key = new RSAKeyGenerator(2048).keyID("fake").generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route(routes -> routes
				.get(REALM_PATH + "certs",
						(request, response) -> response.header("Content-Type", "application/json")
							.sendString(Mono.just("{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}")))
				.post(REALM_PATH + "token", this::token))
			.bindNow();
	}

	static FakeKeycloak start() {
		return new FakeKeycloak();
	}

	String issuer() {
		return "http://127.0.0.1:" + server.port() + "/realms/decoop";
	}

	/**
	 * What the sign-in form does once {@code username} gave their password: a code for
	 * the authorization request at {@code authorizationUri} (the gateway's redirect).
	 */
	String approve(String authorizationUri, String username) {
		Map<String, String> query = form(authorizationUri.substring(authorizationUri.indexOf('?') + 1));
		String code = "code-" + issued.incrementAndGet();
		codes.put(code, new Approved(query.get("nonce"), query.get("code_challenge"), username));
		return code;
	}

	@Override
	public void close() {
		server.disposeNow();
	}

	private Mono<Void> token(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
			Map<String, String> form = form(body);
			form.put("authorization", String.valueOf(request.requestHeaders().get("Authorization")));
			tokenRequests.add(form);
			Map<String, Object> tokens = switch (form.get("grant_type")) {
				case "authorization_code" -> exchange(form);
				case "refresh_token" -> refreshRefused ? null : tokens(null);
				default -> null;
			};
			if (tokens == null) {
				return response.status(HttpResponseStatus.BAD_REQUEST)
					.header("Content-Type", "application/json")
					.sendString(Mono.just("{\"error\":\"invalid_grant\"}"))
					.then();
			}
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just(JSON.writeValueAsString(tokens)))
				.then();
		});
	}

	private Map<String, Object> exchange(Map<String, String> form) {
		Approved approved = codes.remove(form.get("code"));
		String verifier = form.get("code_verifier");
		if (approved == null || verifier == null || !approved.codeChallenge().equals(s256(verifier))) {
			return null;
		}
		return tokens(approved);
	}

	private Map<String, Object> tokens(Approved approved) {
		int n = issued.incrementAndGet();
		Map<String, Object> tokens = new LinkedHashMap<>();
		lastAccessToken = "access-" + n;
		tokens.put("access_token", lastAccessToken);
		tokens.put("token_type", "Bearer");
		tokens.put("expires_in", accessTokenSeconds);
		tokens.put("refresh_token", "refresh-" + n);
		tokens.put("scope", "openid profile");
		if (approved != null) {
			tokens.put("id_token", idToken(approved));
		}
		return tokens;
	}

	private String idToken(Approved approved) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer())
			.subject("sub-" + approved.username())
			.audience("decoop-console")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("nonce", approved.nonce())
			.claim("azp", "decoop-console")
			.claim("preferred_username", approved.username())
			.claim("name", "Ville de Nevers")
			.claim("acts_for", List.of("FR-NEVERS"))
			.claim("realm_access", Map.of("roles", List.of()))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	static Map<String, String> form(String encoded) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	private static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
