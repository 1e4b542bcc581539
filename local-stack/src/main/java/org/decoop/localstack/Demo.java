package org.decoop.localstack;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the seed story through the public HTTP APIs only, as the demo users of the realm,
 * and only what is not there yet, so that running it twice duplicates nothing: the
 * Embassy registers the local authorities (with their real codes and rounded
 * populations); the towns establish their partnerships (SKGO those without a demo user),
 * Nevers puts Nevers – Sremska Mitrovica to dormancy; SKGO opens Čačak's search for a
 * French partner; the Embassy publishes the Ministry's call for Franco-Serbian
 * decentralized cooperation and drafts the 2020 action plan with SKGO, its French funding
 * taken from that call (left as a DRAFT for the tour to sign); SKGO's coordinator keeps
 * an inbox of every event. The funding amounts are illustrative.
 */
final class Demo {

	static final String INBOX_SUBSCRIBER = "decoop demo";

	/** The demo user who follows everything: SKGO's coordinator. */
	static final String INBOX_OWNER = "skgo";
	static final String PLAN_TITLE = "Akcioni plan 2020";
	static final String FUNDING_CALL_CODE = "MEAE-FR-RS-2020-2030";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final StackOptions options;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Keycloak keycloak;

	private final Map<String, String> tokens = new LinkedHashMap<>();

	Demo(StackOptions options) {
		this.options = options;
		this.keycloak = new Keycloak(options);
	}

	/** The ids of what the demo made or found. */
	record Loaded(Map<String, String> partnerships, String planId, String inboxId) {
	}

	Loaded load() throws IOException, InterruptedException {
		String inbox = inbox();
		Map<String, String> authorities = new LinkedHashMap<>();
		// Populations: recent censuses (INSEE, Serbia 2022), rounded; Čačak has no French
		// partner yet.
		for (String[] authority : List.of(new String[] { "FR-SURESNES", "Suresnes", "FR", "CITY", "48000" },
				new String[] { "RS-KRAGUJEVAC", "Kragujevac", "RS", "CITY", "171000" },
				new String[] { "FR-NEVERS", "Nevers", "FR", "CITY", "33000" },
				new String[] { "RS-SREMSKA-MITROVICA", "Sremska Mitrovica", "RS", "CITY", "73000" },
				new String[] { "FR-GIRONDE", "Gironde", "FR", "DEPARTMENT", "1650000" },
				new String[] { "RS-NIS", "Niš", "RS", "CITY", "249000" },
				new String[] { "RS-VOJVODINA", "Vojvodina", "RS", "PROVINCE", "1740000" },
				new String[] { "FR-VAL-D-OISE", "Val d'Oise", "FR", "DEPARTMENT", "1270000" },
				new String[] { "FR-ARLES", "Arles", "FR", "CITY", "51000" },
				new String[] { "RS-CACAK", "Čačak", "RS", "CITY", "106000" })) {
			authorities.put(authority[1], localAuthority(authority[0], authority[1], authority[2], authority[3],
					Integer.parseInt(authority[4])));
		}
		Map<String, String> partnerships = new LinkedHashMap<>();
		partnerships.put("Suresnes – Kragujevac", partnership("suresnes", known(authorities, "Suresnes"),
				known(authorities, "Kragujevac"), List.of("CULTURE", "EDUCATION", "LOCAL_ECONOMIC_DEVELOPMENT")));
		partnerships.put("Nevers – Sremska Mitrovica", partnership("nevers", known(authorities, "Nevers"),
				known(authorities, "Sremska Mitrovica"), List.of("CULTURE", "YOUTH")));
		partnerships.put("Gironde – Niš", partnership("skgo", known(authorities, "Gironde"), known(authorities, "Niš"),
				List.of("AGRICULTURE", "YOUTH")));
		partnerships.put("Vojvodina – Val d'Oise", partnership("skgo", known(authorities, "Vojvodina"),
				known(authorities, "Val d'Oise"), List.of("LOCAL_ECONOMIC_DEVELOPMENT")));
		partnerships.put("Arles – Niš",
				partnership("skgo", known(authorities, "Arles"), known(authorities, "Niš"), List.of("HERITAGE")));
		putToDormancyOnce(known(partnerships, "Nevers – Sremska Mitrovica"));
		String search = partnerSearch(known(authorities, "Čačak"));
		String call = fundingCall();
		String plan = plan2020(partnerships, call);
		String status = get(url(options.planPort()) + "/api/plans/" + plan).get("status").asString();
		LocalStack.log("demo loaded: %d partnerships, plan %s (%s), partner search %s, inbox %s", partnerships.size(),
				plan, status, search, inbox);
		LocalStack
			.log("see it (as skgo): curl -s -H \"Authorization: Bearer $TOKEN\" %s/api/subscriptions/%s/notifications "
					+ "| jq '.content[].summary'", url(options.notificationPort()), inbox);
		return new Loaded(partnerships, plan, inbox);
	}

	private String inbox() throws IOException, InterruptedException {
		String base = url(options.notificationPort()) + "/api/subscriptions";
		for (JsonNode existing : get(base + "?size=200", INBOX_OWNER).get("content")) {
			if (existing.get("subscriber").asString().equals(INBOX_SUBSCRIBER)) {
				return existing.get("id").asString();
			}
		}
		return post(base, "{\"subscriber\": \"%s\", \"channel\": \"INBOX\"}".formatted(INBOX_SUBSCRIBER), INBOX_OWNER)
			.get("id")
			.asString();
	}

	/** The Embassy (a steward) registers the local authorities. */
	private String localAuthority(String code, String name, String country, String kind, int population)
			throws IOException, InterruptedException {
		String base = url(options.partnershipPort()) + "/api/local-authorities";
		for (JsonNode found : get(base + "?code=" + code).get("content")) {
			return found.get("id").asString();
		}
		ObjectNode body = JSON.createObjectNode()
			.put("code", code)
			.put("name", name)
			.put("country", country)
			.put("kind", kind)
			.put("population", population);
		return post(base, body.toString(), "embassy").get("id").asString();
	}

	/**
	 * {@code user} (a town acting for {@code first}, or SKGO) establishes the
	 * partnership.
	 */
	private String partnership(String user, String first, String second, List<String> themes)
			throws IOException, InterruptedException {
		String base = url(options.partnershipPort()) + "/api/partnerships";
		for (JsonNode found : get(base + "?localAuthorityId=" + encode(first) + "&size=200").get("content")) {
			List<String> partners = found.get("partners").valueStream().map(p -> p.get("id").asString()).toList();
			if (partners.contains(second)) {
				return found.get("id").asString();
			}
		}
		ObjectNode body = JSON.createObjectNode();
		body.putArray("partnerIds").add(first).add(second);
		ArrayNode themeList = body.putArray("themes");
		themes.forEach(themeList::add);
		return post(base, body.toString(), user).get("id").asString();
	}

	/**
	 * "The Embassy and SKGO encourage new local governments to join and help them reach
	 * potential partners in France": SKGO (a steward) opens Čačak's search for a French
	 * partner, once.
	 */
	private String partnerSearch(String cacak) throws IOException, InterruptedException {
		String base = url(options.partnershipPort()) + "/api/partner-searches";
		for (JsonNode found : get(base + "?localAuthorityId=" + encode(cacak)).get("content")) {
			return found.get("id").asString();
		}
		ObjectNode body = JSON.createObjectNode()
			.put("localAuthorityId", cacak)
			.put("description",
					"Čačak looks for a French town for youth exchanges and the protection of the West Morava river")
			.put("openUntil", LocalDate.now(ZoneOffset.UTC).plusMonths(6).toString());
		body.putArray("themes").add("YOUTH").add("ENVIRONMENT");
		body.putArray("countries").add("FR");
		return post(base, body.toString(), "skgo").get("id").asString();
	}

	/**
	 * The article's example of a dormant partnership restarting: dormant until the plan
	 * is signed.
	 */
	private void putToDormancyOnce(String partnershipId) throws IOException, InterruptedException {
		JsonNode partnership = get(url(options.partnershipPort()) + "/api/partnerships/" + partnershipId);
		boolean everDormant = partnership.get("history")
			.valueStream()
			.anyMatch(h -> h.get("status").asString().equals("DORMANT"));
		if (!everDormant && partnership.get("status").asString().equals("ACTIVE")) {
			post(url(options.partnershipPort()) + "/api/partnerships/" + partnershipId + "/dormancy",
					"{\"reason\": \"Inactive for several years\"}", "nevers");
		}
	}

	/**
	 * The Embassy (a steward) publishes the French foreign ministry's call, once. It is a
	 * multi-year programme (2020 to 2030), named so: the 2020 plan takes money from it,
	 * and the tour signs that plan today, which a plan naming a call may only do while
	 * the call is OPEN.
	 */
	private String fundingCall() throws IOException, InterruptedException {
		String base = url(options.planPort()) + "/api/funding-calls";
		for (JsonNode found : get(base + "?code=" + FUNDING_CALL_CODE).get("content")) {
			return found.get("id").asString();
		}
		ObjectNode body = JSON.createObjectNode()
			.put("code", FUNDING_CALL_CODE)
			.put("title", "Appel à projets franco-serbe de coopération décentralisée 2020–2030 (MEAE)")
			.put("funder", "FRENCH_MFA")
			.put("opensOn", "2020-01-15")
			.put("closesOn", "2030-12-31")
			.put("maxGrantEur", 20000)
			.put("maxCoFinancingRate", new BigDecimal("0.7"));
		ArrayNode themes = body.putArray("themes");
		List.of("GENDER_EQUALITY", "RULE_OF_LAW", "YOUTH", "LOCAL_ECONOMIC_DEVELOPMENT", "ENVIRONMENT",
				"URBAN_PLANNING")
			.forEach(themes::add);
		body.putArray("eligibleCountries").add("FR").add("RS");
		return post(base, body.toString(), "embassy").get("id").asString();
	}

	/**
	 * The French money comes from the Ministry's call (at most 70 % of an activity): the
	 * towns pay the rest.
	 */
	private String plan2020(Map<String, String> partnerships, String callId) throws IOException, InterruptedException {
		String base = url(options.planPort()) + "/api/plans";
		for (JsonNode found : get(base + "?year=2020&size=200").get("content")) {
			if (found.get("title").asString().equals(PLAN_TITLE)
					&& !found.get("status").asString().equals("CANCELLED")) {
				return found.get("id").asString();
			}
		}
		String body = """
				{"year": 2020, "title": "%s",
				 "parties": [{"code": "AMBAFRANCE-RS", "name": "Ambassade de France en Serbie"},
				             {"code": "SKGO", "name": "Stalna konferencija gradova i opština"}],
				 "themes": ["GENDER_EQUALITY", "RULE_OF_LAW", "YOUTH", "LOCAL_ECONOMIC_DEVELOPMENT", "ENVIRONMENT", "URBAN_PLANNING"],
				 "activities": [
				   {"title": "Nevers – Sremska Mitrovica: restarting the cooperation with a youth exchange", "theme": "YOUTH",
				    "partnershipIds": ["%s"], "funding": [{"source": "FRENCH_MFA", "amountEur": 15000, "callId": "%5$s"},
				                                         {"source": "LOCAL_BUDGET", "amountEur": 7000}]},
				   {"title": "Suresnes – Kragujevac: local economic development", "theme": "LOCAL_ECONOMIC_DEVELOPMENT",
				    "partnershipIds": ["%s"], "funding": [{"source": "EU_CALL", "amountEur": 40000}, {"source": "LOCAL_BUDGET", "amountEur": 10000}]},
				   {"title": "Gironde – Niš: young farmers", "theme": "YOUTH",
				    "partnershipIds": ["%s"], "funding": [{"source": "FRENCH_MFA", "amountEur": 8000, "callId": "%5$s"},
				                                         {"source": "LOCAL_BUDGET", "amountEur": 4000}]}]}"""
			.formatted(PLAN_TITLE, known(partnerships, "Nevers – Sremska Mitrovica"),
					known(partnerships, "Suresnes – Kragujevac"), known(partnerships, "Gironde – Niš"), callId);
		// plan-service learns the partnerships from Kafka: until it has, they are unknown
		// to it (422).
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + token("embassy"))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
			if (response.statusCode() == 201) {
				return JSON.readTree(response.body()).get("id").asString();
			}
			if (response.statusCode() != 422 || System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"Drafting the 2020 plan failed: " + response.statusCode() + " " + response.body());
			}
			TimeUnit.MILLISECONDS.sleep(500);
		}
	}

	/** GET anonymously: the open data. */
	private JsonNode get(String url) throws IOException, InterruptedException {
		return read(url, HttpRequest.newBuilder(URI.create(url)).GET());
	}

	/** GET as {@code user}. */
	private JsonNode get(String url, String user) throws IOException, InterruptedException {
		return read(url,
				HttpRequest.newBuilder(URI.create(url)).GET().header("Authorization", "Bearer " + token(user)));
	}

	private JsonNode read(String url, HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = send(request.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"GET " + url + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/** The id the demo gave {@code name} a moment ago. */
	private static String known(Map<String, String> ids, String name) {
		String id = ids.get(name);
		if (id == null) {
			throw new IllegalStateException("The demo made no " + name);
		}
		return id;
	}

	private JsonNode post(String url, String json, String user) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token(user))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					"POST " + url + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * An access token of a demo user (password {@code decoop}), from the realm's CLI
	 * client.
	 */
	String token(String user) throws IOException, InterruptedException {
		String cached = tokens.get(user);
		if (cached != null) {
			return cached;
		}
		String form = "grant_type=password&client_id=%s&username=%s&password=decoop".formatted(Keycloak.CLI_CLIENT,
				encode(user));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"No token for " + user + ": " + response.statusCode() + " " + response.body());
		}
		String token = JSON.readTree(response.body()).get("access_token").asString();
		tokens.put(user, token);
		return token;
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String url(int port) {
		return "http://localhost:" + port;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
