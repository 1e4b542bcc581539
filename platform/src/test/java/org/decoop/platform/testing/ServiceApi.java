package org.decoop.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

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

	/** Sent with every request (an {@code Idempotency-Key}, say). */
	private final HttpHeaders headers;

	private ServiceApi(RestTestClient client, String baseUrl, String token) {
		this(client, baseUrl, token, new HttpHeaders());
	}

	private ServiceApi(RestTestClient client, String baseUrl, String token, HttpHeaders headers) {
		this.client = client;
		this.baseUrl = baseUrl;
		this.token = token;
		this.headers = headers;
	}

	/** The service listening on {@code port} of this machine, called without a token. */
	public static ServiceApi onPort(int port) {
		String baseUrl = "http://localhost:" + port;
		return new ServiceApi(RestTestClient.bindToServer().baseUrl(baseUrl).build(), baseUrl, null);
	}

	/** The same service, called with this bearer token (see {@link TestTokens}). */
	public ServiceApi as(String accessToken) {
		return new ServiceApi(client, baseUrl, accessToken, headers);
	}

	/**
	 * The same service, called with this header on every request as well, e.g.
	 * {@code with("Idempotency-Key", "\"" + UUID.randomUUID() + "\"")}.
	 */
	public ServiceApi with(String header, String value) {
		HttpHeaders more = new HttpHeaders();
		more.addAll(headers);
		more.set(header, value);
		return new ServiceApi(client, baseUrl, token, more);
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
		headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
		try {
			HttpResponse<String> response = RAW.send(request.build(), HttpResponse.BodyHandlers.ofString());
			HttpHeaders answered = new HttpHeaders();
			response.headers().map().forEach(answered::addAll);
			return new Answer(response.statusCode(), answered, response.body());
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
		return exchange("GET", path, null, null, accept);
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
		return exchange(method, path, json, ifMatch, null);
	}

	private Answer exchange(String method, String path, String json, String ifMatch, String accept) {
		RestTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(path);
		if (accept != null) {
			request.header("Accept", accept);
		}
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(json);
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		request.headers(all -> all.addAll(headers));
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

		/**
		 * Asserts a request without a token was refused as the API promises: 401, a
		 * Bearer challenge, a problem+json body.
		 */
		public void assertUnauthenticated() {
			assertThat(statusCode).as(body).isEqualTo(401);
			assertThat(header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
			assertThat(header("Content-Type"))
				.hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
		}

		/**
		 * Asserts this answer to a creation sent again with the same
		 * {@code Idempotency-Key} is the {@code first} one's: both created, the same body
		 * and {@code Location}.
		 */
		public void assertRepeats(Answer first) {
			assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
			assertThat(statusCode).isEqualTo(201);
			assertThat(body).isEqualTo(first.body());
			assertThat(header("Location")).isEqualTo(first.header("Location"));
		}

		/**
		 * Asserts this is a CSV export (200, {@code text/csv}, RFC 4180 line ends) and
		 * answers its rows.
		 */
		public List<Map<String, String>> csvExport() {
			assertThat(statusCode).isEqualTo(200);
			assertThat(header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
			assertThat(body).as("RFC 4180 line ends").contains("\r\n");
			return csvRows();
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
