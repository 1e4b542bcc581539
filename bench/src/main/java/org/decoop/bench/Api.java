package org.decoop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The stack's public API as a user calls it: tokens from Keycloak (the realm's demo
 * users, by password grant on the public client {@code decoop-cli}, fetched again before
 * they expire) and JSON over HTTP/1.1. One client for every request the harness makes,
 * the load included.
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TOKEN_REUSE = Duration.ofSeconds(60);

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private final Options options;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	private record Token(String value, long fetchedNanos) {
	}

	Api(Options options) {
		this.options = options;
	}

	/** A valid access token of a demo user. */
	String token(String user) {
		Token token = tokens.get(user);
		if (token == null || System.nanoTime() - token.fetchedNanos() > TOKEN_REUSE.toNanos()) {
			token = new Token(fetchToken(user), System.nanoTime());
			tokens.put(user, token);
		}
		return token.value();
	}

	private String fetchToken(String user) {
		String form = "grant_type=password&client_id=decoop-cli&username=%s&password=%s".formatted(
				URLEncoder.encode(user, StandardCharsets.UTF_8),
				URLEncoder.encode(options.password(), StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(options.keycloak() + "/realms/decoop/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> response = send(request);
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"Keycloak refused a token for %s: %d %s".formatted(user, response.statusCode(), response.body()));
		}
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	HttpRequest post(String url, String user, String json) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token(user))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
	}

	/**
	 * Sends and reads the JSON answer (a missing node for an empty body), which must have
	 * one of the {@code expected} status codes.
	 */
	JsonNode call(HttpRequest request, int... expected) {
		HttpResponse<String> response = send(request);
		for (int status : expected) {
			if (response.statusCode() == status) {
				return response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
			}
		}
		throw new IllegalStateException("%s %s answered %d: %s".formatted(request.method(), request.uri(),
				response.statusCode(), response.body()));
	}

}
