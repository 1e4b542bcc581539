package org.decoop.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends a service hostile requests derived from its own OpenAPI document: every
 * operation, with path, query, header and body values drawn from a corpus of values that
 * break careless servers (control characters, broken escapes, lone surrogates, wrong
 * types, odd content types, extreme numbers) and from the schemas themselves, then
 * mutated. A request is a finding when the answer is a 5xx, when no answer comes, or when
 * the answer names Java internals. Seeded: the same seed sends the same requests in the
 * same order, so a finding replays.
 */
public final class ApiFuzzer {

	/**
	 * What must never appear in an answer: Java package paths, exception names,
	 * inner-class names.
	 */
	private static final Pattern INTERNALS = Pattern
		.compile("\\b(java|javax|jakarta|sun)\\.[a-z]+\\.|\\borg\\.(decoop|springframework|apache|bson)\\.[a-z]+\\."
				+ "|\\btools\\.jackson|\\bcom\\.(fasterxml|mongodb)|[A-Za-z]Exception\\b|\\b[A-Z][A-Za-z]+\\$[A-Z]");

	private static final List<String> BROKEN_ESCAPES = List.of("%FF", "%C0%AF", "%ED%A0%80", "%00", "%E2%82");

	private static final List<String> ETAGS = List.of("\"0\"", "\"1\"", "W/\"0\"", "*", "abc", "\"a,b\"", "\"\"",
			"\"0\", \"1\"", ",", "\"99999999999999999999\"");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final long seed;

	private final int perOperation;

	private final JsonNode corpus;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String token;

	private ApiFuzzer(long seed, int perOperation, JsonNode corpus, String token) {
		this.seed = seed;
		this.perOperation = perOperation;
		this.corpus = corpus;
		this.token = token;
	}

	/**
	 * The same fuzzer sending most requests with this bearer token, so that writes get
	 * past the door.
	 */
	public ApiFuzzer as(String accessToken) {
		return new ApiFuzzer(seed, perOperation, corpus, accessToken);
	}

	/**
	 * The fuzzer as {@code fuzz/fuzz.properties} and {@code fuzz/corpus.json} (in the
	 * platform test-jar) set it up.
	 */
	public static ApiFuzzer fromSettings() {
		try (InputStream settings = resource("fuzz/fuzz.properties");
				InputStream corpus = resource("fuzz/corpus.json")) {
			Properties properties = new Properties();
			properties.load(settings);
			return new ApiFuzzer(Long.parseLong(properties.getProperty("seed")),
					Integer.parseInt(properties.getProperty("requests-per-operation")), JSON.readTree(corpus), null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static InputStream resource(String name) {
		InputStream stream = ApiFuzzer.class.getClassLoader().getResourceAsStream(name);
		if (stream == null) {
			throw new IllegalStateException(name + " is missing from the test classpath");
		}
		return stream;
	}

	/** A request that went wrong, written so that it can be sent again by hand. */
	public record Finding(String request, String problem) {
	}

	/** How a run went: how many requests, by status, and what went wrong. */
	public record Summary(String service, long seed, int requests, Map<Integer, Integer> statuses,
			List<Finding> findings) {

		public String describe() {
			StringBuilder text = new StringBuilder("fuzz %s: seed %d, %d requests, statuses %s, %d finding(s)"
				.formatted(service, seed, requests, statuses, findings.size()));
			findings.stream()
				.limit(20)
				.forEach(finding -> text.append("\n  ")
					.append(finding.problem())
					.append("\n    ")
					.append(finding.request()));
			return text.toString();
		}

		/** Writes {@link #describe()} to {@code target/fuzz/<service>.txt}. */
		public Summary report() {
			try {
				Path file = Path.of("target", "fuzz", service + ".txt");
				Files.createDirectories(file.getParent());
				Files.writeString(file, describe() + "\n");
				return this;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	/**
	 * Fuzzes every operation of the OpenAPI document the service at {@code baseUrl}
	 * serves.
	 */
	public Summary run(String service, String baseUrl) {
		JsonNode document = JSON
			.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs")).build()).body());
		Random random = new Random(seed);
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<Finding> findings = new ArrayList<>();
		int requests = 0;
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				if (streams(operation.getValue())) {
					continue; // an event stream never ends: its answer is checked by its
								// own tests
				}
				for (int i = 0; i < perOperation; i++) {
					Prepared prepared = request(document, baseUrl, path.getKey(), operation.getKey().toUpperCase(),
							operation.getValue(), random);
					requests++;
					String described = prepared.describe();
					try {
						HttpResponse<String> response = http.send(prepared.request(),
								HttpResponse.BodyHandlers.ofString());
						statuses.merge(response.statusCode(), 1, Integer::sum);
						if (response.statusCode() >= 500) {
							findings.add(new Finding(described,
									"answered " + response.statusCode() + ": " + abbreviate(response.body())));
						}
						else if (INTERNALS.matcher(response.body()).find()) {
							findings.add(new Finding(described, "named internals: " + abbreviate(response.body())));
						}
					}
					catch (IOException e) {
						statuses.merge(0, 1, Integer::sum);
						findings.add(new Finding(described, "no answer: " + e));
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException(e);
					}
				}
			}
		}
		return new Summary(service, seed, requests, statuses, findings);
	}

	private static boolean streams(JsonNode operation) {
		return operation.path("responses").toString().contains("text/event-stream");
	}

	/** A request and its body, to replay it. */
	private record Prepared(HttpRequest request, String body) {

		String describe() {
			String contentType = request.headers()
				.firstValue("Content-Type")
				.map(type -> " -H 'Content-Type: " + type + "'")
				.orElse("");
			String ifMatch = request.headers()
				.firstValue("If-Match")
				.map(tag -> " -H 'If-Match: " + tag + "'")
				.orElse("");
			String data = body == null ? "" : " --data-raw '" + abbreviate(body).replace("'", "'\\''") + "'";
			return "curl -i -X %s '%s'%s%s%s".formatted(request.method(), request.uri(), contentType, ifMatch, data);
		}
	}

	private Prepared request(JsonNode document, String baseUrl, String path, String method, JsonNode operation,
			Random random) {
		StringBuilder uri = new StringBuilder(baseUrl);
		uri.append(path.replaceAll("\\{[^}]+}", "%s").formatted(pathValues(path, random)));
		String separator = "?";
		HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(10));
		if (token != null && random.nextInt(10) < 9) {
			request.header("Authorization", "Bearer " + token);
		}
		for (JsonNode parameter : operation.path("parameters")) {
			String in = parameter.path("in").asString();
			if (in.equals("query") && random.nextInt(10) < 6) {
				uri.append(separator)
					.append(encode(parameter.path("name").asString(), random))
					.append('=')
					.append(encode(value(document, parameter.path("schema"), random), random));
				separator = "&";
			}
			else if (in.equals("header") && random.nextInt(10) < 3) {
				request.header(parameter.path("name").asString(), pick(ETAGS, random));
			}
		}
		if (random.nextInt(10) == 0) {
			uri.append(separator).append("unexpected=").append(encode(pick(strings(), random), random));
		}
		request.uri(URI.create(uri.toString()));
		JsonNode body = operation.path("requestBody");
		if (body.isMissingNode()) {
			if (random.nextInt(15) == 0) {
				// A body where none is expected, of any type: nothing may try to parse it
				// and fail.
				String unexpected = pick(texts("bodies"), random);
				request.header("Content-Type", pick(texts("contentTypes"), random).replace("garbage", "text/plain"));
				return new Prepared(request.method(method, HttpRequest.BodyPublishers.ofString(unexpected)).build(),
						unexpected);
			}
			return new Prepared(request.method(method, HttpRequest.BodyPublishers.noBody()).build(), null);
		}
		String contentType = random.nextInt(10) < 7 ? "application/json" : pick(texts("contentTypes"), random);
		if (!contentType.isEmpty()) {
			request.header("Content-Type", contentType);
		}
		JsonNode schema = body.path("content").path("application/json").path("schema");
		String payload = switch (random.nextInt(20)) {
			case 0, 1, 2, 3, 4 -> pick(texts("bodies"), random);
			case 5, 6, 7 -> JSON.writeValueAsString(generate(document, schema, random, 0, false));
			default -> JSON.writeValueAsString(generate(document, schema, random, 0, true));
		};
		return new Prepared(request.method(method, HttpRequest.BodyPublishers.ofString(payload)).build(), payload);
	}

	private Object[] pathValues(String path, Random random) {
		long count = path.chars().filter(c -> c == '{').count();
		Object[] values = new Object[(int) count];
		for (int i = 0; i < count; i++) {
			String value = random.nextBoolean() ? new UUID(random.nextLong(), random.nextLong()).toString()
					: pick(strings(), random);
			values[i] = value.isEmpty() ? "x" : encode(value, random);
		}
		return values;
	}

	/**
	 * A value for a parameter of {@code schema}: one of its own values, or a hostile one.
	 */
	private String value(JsonNode document, JsonNode schema, Random random) {
		JsonNode resolved = resolve(document, schema);
		if (resolved.has("enum") && random.nextBoolean()) {
			return resolved.get("enum").get(random.nextInt(resolved.get("enum").size())).asString();
		}
		String type = resolved.path("type").asString();
		return type.equals("integer") || type.equals("number") ? pick(texts("numbers"), random)
				: pick(strings(), random);
	}

	/**
	 * A JSON value for {@code schema}; {@code mutate} puts a wrong type, a hostile value
	 * or an unknown field somewhere.
	 */
	private JsonNode generate(JsonNode document, JsonNode schema, Random random, int depth, boolean mutate) {
		JsonNode resolved = resolve(document, schema);
		if (mutate && random.nextInt(6) == 0) {
			return hostile(random);
		}
		String type = resolved.path("type").asString(resolved.has("properties") ? "object" : "string");
		switch (type) {
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").properties().iterator();
				while (properties.hasNext()) {
					Map.Entry<String, JsonNode> property = properties.next();
					if (random.nextInt(10) < 8 && depth < 6) {
						object.set(property.getKey(),
								generate(document, property.getValue(), random, depth + 1, mutate));
					}
				}
				if (mutate && random.nextInt(8) == 0) {
					object.put(pick(strings(), random), pick(strings(), random));
				}
				return object;
			}
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				int size = random.nextInt(30) == 0 ? 300 : random.nextInt(4);
				for (int i = 0; i < size && depth < 6; i++) {
					array.add(generate(document, resolved.path("items"), random, depth + 1, mutate));
				}
				return array;
			}
			case "integer" -> {
				return NODES.numberNode(random.nextInt(10) == 0 ? random.nextLong() : random.nextInt(3000) - 5);
			}
			case "number" -> {
				return NODES
					.numberNode(random.nextInt(10) == 0 ? random.nextDouble() * 1e15 : random.nextInt(100000) / 100.0);
			}
			case "boolean" -> {
				return NODES.booleanNode(random.nextBoolean());
			}
			default -> {
				if (resolved.has("enum") && random.nextInt(10) < 7) {
					return resolved.get("enum").get(random.nextInt(resolved.get("enum").size()));
				}
				if (random.nextInt(40) == 0) {
					return NODES.stringNode("ж".repeat(random.nextInt(20_000)));
				}
				return NODES.stringNode(pick(strings(), random));
			}
		}
	}

	private JsonNode hostile(Random random) {
		return switch (random.nextInt(7)) {
			case 0 -> NODES.nullNode();
			case 1 -> NODES.numberNode(random.nextInt());
			case 2 -> NODES.booleanNode(random.nextBoolean());
			case 3 -> NODES.objectNode().put("x", pick(strings(), random));
			case 4 -> NODES.arrayNode().add(pick(strings(), random)).add(7);
			case 5 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
			default -> NODES.stringNode(pick(strings(), random));
		};
	}

	private static JsonNode resolve(JsonNode document, JsonNode schema) {
		JsonNode current = schema;
		for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
			current = document.at(current.get("$ref").asString().substring(1));
		}
		if (current.has("allOf") && current.get("allOf").size() == 1) {
			return resolve(document, current.get("allOf").get(0));
		}
		return current;
	}

	/** Percent-encodes as UTF-8, and now and then breaks the encoding on purpose. */
	private static String encode(String value, Random random) {
		if (random.nextInt(12) == 0) {
			return pick(BROKEN_ESCAPES, random);
		}
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private List<String> strings() {
		return texts("strings");
	}

	private List<String> texts(String field) {
		List<String> values = new ArrayList<>();
		corpus.get(field).forEach(value -> values.add(value.asString()));
		return values;
	}

	private static <T> T pick(List<T> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

}
