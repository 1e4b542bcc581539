package org.decoop.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A service's HTTP API as a client calls it, over a real connection (Spring's
 * {@link RestTestClient} bound to the running server), answering what came back whatever
 * the status, so that scenarios can assert on errors as plainly as on successes.
 */
public final class ServiceApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final CsvMapper CSV = CsvMapper.builder().build();

	private static final HttpClient RAW = HttpClient.newHttpClient();

	private final RestTestClient client;

	private final String baseUrl;

	private final String token;

	private ServiceApi(RestTestClient client, String baseUrl, String token) {
		this.client = client;
		this.baseUrl = baseUrl;
		this.token = token;
	}

	/** The service listening on {@code port} of this machine, called without a token. */
	public static ServiceApi onPort(int port) {
		String baseUrl = "http://localhost:" + port;
		return new ServiceApi(RestTestClient.bindToServer().baseUrl(baseUrl).build(), baseUrl, null);
	}

	/** The same service, called with this bearer token (see {@link TestTokens}). */
	public ServiceApi as(String accessToken) {
		return new ServiceApi(client, baseUrl, accessToken);
	}

	/**
	 * Sends exactly what is given, as a hostile client would: {@code pathAndQuery} is not
	 * encoded again ({@code ?q=%FF} goes out as written) and any {@code Content-Type} is
	 * allowed.
	 */
	public Answer raw(String method, String pathAndQuery, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
			HttpHeaders headers = new HttpHeaders();
			response.headers().map().forEach(headers::addAll);
			return new Answer(response.statusCode(), headers, response.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException("no answer to " + method + " " + pathAndQuery, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public Answer get(String path) {
		return send("GET", path, null, null);
	}

	/** A GET asking for {@code accept} (content negotiation: {@code text/csv}, say). */
	public Answer get(String path, String accept) {
		RestTestClient.RequestBodySpec request = client.method(HttpMethod.GET).uri(path);
		request.header("Accept", accept);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		EntityExchangeResult<String> result = request.exchange().expectBody(String.class).returnResult();
		return new Answer(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
	}

	/** A POST without a body (a domain action that needs no input). */
	public Answer post(String path) {
		return send("POST", path, null, null);
	}

	public Answer post(String path, String json) {
		return send("POST", path, json, null);
	}

	/** Sends {@code json} (none: no body) with {@code If-Match} (none: without). */
	public Answer send(String method, String path, String json, String ifMatch) {
		RestTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(path);
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(json);
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		EntityExchangeResult<String> result = request.exchange().expectBody(String.class).returnResult();
		return new Answer(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
	}

	/** What the service answered. */
	public record Answer(int statusCode, HttpHeaders headers, String body) {

		public Optional<String> header(String name) {
			return Optional.ofNullable(headers.getFirst(name));
		}

		public JsonNode json() {
			return JSON.readTree(body);
		}

		/** The items of a page ({@code content} of a paged answer), in its order. */
		public Stream<JsonNode> content() {
			return json().get("content").valueStream();
		}

		/** The {@code id} of a created resource. */
		public String id() {
			return json().get("id").asString();
		}

		/** A CSV body's rows, each by its header line's column names. */
		public List<Map<String, String>> csvRows() {
			return CSV.readerFor(Map.class)
				.with(CsvSchema.emptySchema().withHeader())
				.<Map<String, String>>readValues(body)
				.readAll();
		}
	}

}
