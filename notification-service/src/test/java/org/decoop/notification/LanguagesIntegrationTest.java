package org.decoop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.partnership.PartnershipReactivated;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.events.plan.PlanEvent;
import org.decoop.events.plan.PlanSigned;
import org.decoop.platform.i18n.LocalizedFormats;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What notification-service says to people, in their languages (en, fr, sr-Cyrl,
 * sr-Latn): an inbox and its stream in the reader's {@code Accept-Language}, e-mails and
 * in the subscription's language (changed with PATCH; digests: DigestIntegrationTest),
 * authorities' names in the reader's script, and notifications stored before still shown
 * as written.
 */
class LanguagesIntegrationTest extends SharedServiceContext {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ZoneId BELGRADE = ZoneId.of("Europe/Belgrade");

	private static final String NBSP = "\u00a0";

	private static final List<String> LANGUAGES = List.of("en", "fr", "sr-Cyrl", "sr-Latn");

	@Autowired
	MongoTemplate mongo;

	@Autowired
	LocalizedFormats formats;

	private final String partnershipId = UUID.randomUUID().toString();

	private String token;

	private ServiceApi api;

	@BeforeEach
	void connect() {
		token = TestTokens.shared().user("languages-" + UUID.randomUUID(), "SKGO");
		api = ServiceApi.onPort(port).as(token);
	}

	@Test
	void saysTheInboxAndItsStreamInEachReadersLanguageWithNamesInTheirScript() throws Exception {
		String id = created(call("POST", "/api/subscriptions",
				"{\"channel\": \"INBOX\", \"filter\": {\"partnershipId\": \"%s\"}}".formatted(partnershipId), null));
		String url = "http://localhost:" + port + "/api/subscriptions/" + id + "/stream";
		try (SseClient french = new SseClient(url, token, null, "fr-FR, en;q=0.5")) {
			events.publish(new PartnershipWentDormant(partnershipId, 1, PartnershipStatus.DORMANT, partners(),
					Set.of(Theme.CULTURE), "No joint project", null, Instant.now()));

			await().atMost(Duration.ofSeconds(30)).until(() -> french.events().size() == 1);
			assertThat(JSON.readTree(french.events().get(0).data()).get("summary").asString())
				.as("the stream speaks the language negotiated when it opened")
				.isEqualTo("Le partenariat Nevers (FR) – Sremska Mitrovica (RS) est en sommeil" + NBSP
						+ ": No joint project.");
		}

		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("en", "The partnership Nevers (FR) – Sremska Mitrovica (RS) went dormant: No joint project.");
		expected.put("fr",
				"Le partenariat Nevers (FR) – Sremska Mitrovica (RS) est en sommeil" + NBSP + ": No joint project.");
		expected.put("sr-Cyrl", "Партнерство Nevers (FR) – Сремска Митровица (RS) мирује: No joint project.");
		expected.put("sr-Latn", "Partnerstvo Nevers (FR) – Sremska Mitrovica (RS) miruje: No joint project.");
		expected.forEach((language, summary) -> assertThat(inbox(id, language).get(0).get("summary").asString())
			.as("read in %s", language)
			.isEqualTo(summary));
		assertThat(inbox(id, "de-DE, sr-Latn-RS;q=0.9, sr;q=0.8").get(0).get("summary").asString())
			.as("the best language of Accept-Language's, by quality")
			.isEqualTo(expected.get("sr-Latn"));
		assertThat(inbox(id, null).get(0).get("summary").asString()).as("English without Accept-Language")
			.isEqualTo(expected.get("en"));
	}

	@Test
	void saysAReactivationBySigningInTheReadersLanguageNotInPartnershipServicesEnglish() throws Exception {
		String id = created(call("POST", "/api/subscriptions",
				"{\"channel\": \"INBOX\", \"filter\": {\"partnershipId\": \"%s\"}}".formatted(partnershipId), null));
		String planId = UUID.randomUUID().toString();
		events.publish(new PlanSigned(planId, 2, 2020, "Akcioni plan 2020",
				List.of(new PlanEvent.SignedParty("SKGO", "SKGO", "Secretary General", Instant.now())),
				Set.of(Theme.YOUTH), List.of(new PlanEvent.Activity("a1", "Youth exchange", Theme.YOUTH,
						List.of(partnershipId), null, null, List.of())),
				Instant.now()));
		await().atMost(Duration.ofSeconds(30)).until(() -> inbox(id, null).size() == 1);
		events.publish(new PartnershipReactivated(partnershipId, 2, PartnershipStatus.ACTIVE, partners(),
				Set.of(Theme.YOUTH), "Action plan \"Akcioni plan 2020\" (2020) was signed", planId, Instant.now()));
		String unknownPlan = UUID.randomUUID().toString();
		events.publish(new PartnershipReactivated(partnershipId, 3, PartnershipStatus.ACTIVE, partners(),
				Set.of(Theme.YOUTH), "Action plan \"Unseen\" (2021) was signed", unknownPlan, Instant.now()));
		await().atMost(Duration.ofSeconds(30)).until(() -> inbox(id, null).size() == 3);

		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("en",
				"The partnership Nevers (FR) – Sremska Mitrovica (RS) is active again: the action plan \"Akcioni plan 2020\" (2020) was signed");
		expected.put("fr", "Le partenariat Nevers (FR) – Sremska Mitrovica (RS) est de nouveau actif" + NBSP
				+ ": le plan d’action «" + NBSP + "Akcioni plan 2020" + NBSP + "» (2020) a été signé");
		expected.put("sr-Cyrl",
				"Партнерство Nevers (FR) – Сремска Митровица (RS) је поново активно: потписан је акциони план „Akcioni plan 2020“ (2020)");
		expected.forEach((language, summary) -> assertThat(summaries(inbox(id, language))).as("read in %s", language)
			.contains(summary)
			.noneMatch(text -> text.contains("was signed") && !language.equals("en")));
		assertThat(summaries(inbox(id, "sr-Cyrl"))).as("a plan this service has not heard of yet: its id")
			.contains(
					"Партнерство Nevers (FR) – Сремска Митровица (RS) је поново активно: потписан је акциони план који га наводи ("
							+ unknownPlan + ")");
	}

	private static List<String> summaries(List<JsonNode> notifications) {
		return notifications.stream().map(notification -> notification.get("summary").asString()).toList();
	}

	@Test
	void takesASubscriptionsLanguageFromItsCreatorAndChangesItWithPatch() {
		String inbox = "{\"channel\": \"INBOX\"}";
		assertThat(call("POST", "/api/subscriptions", inbox, "sr-Latn-RS, sr;q=0.8").json().get("locale").asString())
			.isEqualTo("sr-Latn");
		assertThat(call("POST", "/api/subscriptions", inbox, null).json().get("locale").asString()).isEqualTo("en");
		String id = created(
				call("POST", "/api/subscriptions", "{\"channel\": \"INBOX\", \"locale\": \"fr\"}", "sr-Cyrl"));
		ServiceApi.Answer read = api.get("/api/subscriptions/" + id);
		assertThat(read.json().get("locale").asString()).as("the language named wins").isEqualTo("fr");
		String etag = read.header("ETag").orElseThrow();

		ServiceApi.Answer changed = api.send("PATCH", "/api/subscriptions/" + id, "{\"locale\": \"sr-Cyrl\"}", etag);

		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("locale").asString()).isEqualTo("sr-Cyrl");
		assertThat(changed.header("ETag")).isPresent().get().isNotEqualTo(etag);
		assertThat(api.get("/api/subscriptions/" + id).json().get("locale").asString()).isEqualTo("sr-Cyrl");
		assertThat(api.send("PATCH", "/api/subscriptions/" + id, "{\"locale\": \"fr\"}", etag).statusCode())
			.as("on a version it no longer is at")
			.isEqualTo(412);

		ServiceApi.Answer refused = call("PATCH", "/api/subscriptions/" + id, "{\"locale\": \"de\"}", "fr");
		assertThat(refused.statusCode()).as("an invalid value, as every other (InvalidValue)").isEqualTo(400);
		assertThat(refused.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.json().get("field").asString()).isEqualTo("locale");
		assertThat(refused.json().get("detail").asString()).as("said in the caller's language")
			.isEqualTo("«\u00a0de\u00a0» n’est pas une langue que parle decoop\u00a0: en, fr, sr-Cyrl ou sr-Latn");
		assertThat(refused.header("Content-Language")).contains("fr");
		assertThat(api.get("/api/subscriptions/" + id).json().get("locale").asString()).isEqualTo("sr-Cyrl");
		assertThat(ServiceApi.onPort(port)
			.as(TestTokens.shared().user("someone-else-" + UUID.randomUUID(), "SKGO"))
			.send("PATCH", "/api/subscriptions/" + id, "{\"locale\": \"en\"}", null)
			.statusCode()).as("anyone else's does not exist").isEqualTo(404);
	}

	@Test
	void mailsEachSubscriberInItsSubscriptionsLanguage() throws Exception {
		Map<String, String> addresses = new LinkedHashMap<>();
		for (String language : LANGUAGES) {
			addresses.put(language, subscribeByEmail(language, null));
		}
		Instant occurredAt = Instant.parse("2026-12-07T17:30:00Z");
		events.publish(new PartnershipEstablished(partnershipId, 0, PartnershipStatus.ACTIVE, partners(), 2005,
				Set.of(Theme.CULTURE), null, occurredAt));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> addresses.values()
				.stream()
				.allMatch(address -> ConfirmationMails.notificationMailsTo(smtp, address).size() == 1));

		Map<String, String> subjects = Map.of("en",
				"[decoop] Partnership established: The partnership Nevers (FR) – Sremska Mitrovica (RS) was established.",
				"fr",
				"[decoop] Partenariat établi" + NBSP
						+ ": Le partenariat Nevers (FR) – Sremska Mitrovica (RS) a été établi.",
				"sr-Cyrl",
				"[decoop] Успостављено партнерство: Партнерство Nevers (FR) – Сремска Митровица (RS) је успостављено.",
				"sr-Latn",
				"[decoop] Uspostavljeno partnerstvo: Partnerstvo Nevers (FR) – Sremska Mitrovica (RS) je uspostavljeno.");
		for (String language : LANGUAGES) {
			MimeMessage mail = ConfirmationMails.notificationMailsTo(smtp, addresses.get(language)).get(0);
			assertThat(mail.getSubject()).as("in %s", language).isEqualTo(subjects.get(language));
			assertThat(mail.getHeader("Content-Language", null)).isEqualTo(language);
			assertThat(text(mail)).as("the date in Belgrade's time, as %s writes it", language)
				.contains(formats.dateTime(occurredAt, BELGRADE, Locale.forLanguageTag(language)))
				.contains(subjects.get(language).substring(subjects.get(language).indexOf(": ") + 2));
		}
	}

	@Test
	void confirmsEachAddressInItsSubscriptionsLanguage() throws Exception {
		Map<String, String> subjects = Map.of("en", "[decoop] Confirm your e-mail subscription", "fr",
				"[decoop] Confirmez votre abonnement par e-mail", "sr-Cyrl",
				"[decoop] Потврдите своју претплату имејлом", "sr-Latn", "[decoop] Potvrdite svoju pretplatu imejlom");
		Map<String, String> whatItReceives = Map.of("en", "(Partnership established, daily digest)", "fr",
				"(Partenariat établi, résumé quotidien)", "sr-Cyrl", "(Успостављено партнерство, дневни преглед)",
				"sr-Latn", "(Uspostavljeno partnerstvo, dnevni pregled)");
		for (String language : LANGUAGES) {
			String address = "confirm-" + language + "-" + UUID.randomUUID() + "@skgo.example";
			assertThat(api.post("/api/subscriptions",
					"{\"channel\": \"EMAIL\", \"target\": \"%s\", \"locale\": \"%s\", \"digest\": \"DAILY\", \"eventTypes\": [\"PartnershipEstablished\"]}"
						.formatted(address, language))
				.statusCode()).isEqualTo(201);
			ConfirmationMails.awaitLink(smtp, address, 1);
			MimeMessage mail = ConfirmationMails.to(smtp, address).get(0);
			assertThat(mail.getSubject()).as("in %s", language).isEqualTo(subjects.get(language));
			assertThat(mail.getHeader("Content-Language", null)).isEqualTo(language);
			assertThat(text(mail)).as("what it will receive, in %s", language).contains(whatItReceives.get(language));
		}
	}

	@Test
	void showsANotificationStoredBeforeAsItWasWrittenWithNamesInTheReadersScript() {
		String id = created(call("POST", "/api/subscriptions", "{\"channel\": \"INBOX\"}", null));
		String written = "The partnership Nevers (FR) – Сремска Митровица (RS) was established.";
		// as notification-service stored them before summaries were facts: an English
		// sentence
		mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("subscriptionId", id)
			.append("seq", 1L)
			.append("eventId", UUID.randomUUID().toString())
			.append("eventType", "PartnershipEstablished")
			.append("subject", partnershipId)
			.append("summary", written)
			.append("occurredAt", Date.from(Instant.parse("2025-05-01T10:00:00Z")))
			.append("createdAt", Date.from(Instant.parse("2025-05-01T10:00:01Z")))
			.append("cloudEvent", "{\"specversion\": \"1.0\", \"id\": \"e-old\", \"data\": {}}")
			.append("read", false)
			.append("channel", "INBOX")
			.append("status", "STORED")
			.append("version", 0L)
			.append("attempts", List.of()), "notifications");

		assertThat(inbox(id, "sr-Cyrl").get(0).get("summary").asString()).isEqualTo(written);
		for (String latin : List.of("sr-Latn", "fr", "en")) {
			assertThat(inbox(id, latin).get(0).get("summary").asString()).as("read in %s", latin)
				.isEqualTo("The partnership Nevers (FR) – Sremska Mitrovica (RS) was established.");
		}
	}

	/**
	 * A confirmed EMAIL subscription to the partnership's events, in {@code language}.
	 */
	private String subscribeByEmail(String language, String digest) {
		String address = "languages-" + language + "-" + UUID.randomUUID() + "@skgo.example";
		ServiceApi.Answer answer = api.post("/api/subscriptions",
				"{\"channel\": \"EMAIL\", \"target\": \"%s\", \"locale\": \"%s\", \"filter\": {\"partnershipId\": \"%s\"}%s}"
					.formatted(address, language, partnershipId,
							digest == null ? "" : ", \"digest\": \"" + digest + "\""));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		assertThat(answer.json().get("locale").asString()).isEqualTo(language);
		ConfirmationMails.confirm(ServiceApi.onPort(port), smtp, address);
		return address;
	}

	private List<JsonNode> inbox(String subscriptionId, String acceptLanguage) {
		return call("GET", "/api/subscriptions/" + subscriptionId + "/notifications", null, acceptLanguage).json()
			.get("content")
			.valueStream()
			.toList();
	}

	private static String created(ServiceApi.Answer answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		return answer.json().get("id").asString();
	}

	/** A call as the test's caller, with {@code Accept-Language} (none: without). */
	private ServiceApi.Answer call(String method, String path, String json, String acceptLanguage) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.header("Authorization", "Bearer " + token);
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofString());
			org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
			response.headers().map().forEach(headers::addAll);
			return new ServiceApi.Answer(response.statusCode(), headers, response.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The plain text of an e-mail, however it is nested. */
	private static String text(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i)));
			}
			return text.toString();
		}
		return "";
	}

	private static List<PartnershipEvent.Partner> partners() {
		return List.of(new PartnershipEvent.Partner("nevers", "Nevers", "FR"),
				new PartnershipEvent.Partner("sremska-mitrovica", "Сремска Митровица", "RS"));
	}

}
