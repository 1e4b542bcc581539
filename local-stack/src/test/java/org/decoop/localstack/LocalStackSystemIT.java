package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.decoop.events.Theme;
import org.decoop.events.plan.PlanEvent;
import org.decoop.events.plan.PlanSigned;
import org.decoop.platform.testing.TestTokens;
import org.decoop.platform.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed story on the whole system, started as a user starts it ({@code java -jar
 * local-stack.jar}): a real broker, the store, three service processes, driven through
 * their public HTTP APIs only. Then a service is killed with SIGKILL in the middle of a
 * burst of commands: no event may be lost, no notification doubled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(RunningStack.Extension.class)
class LocalStackSystemIT {

	private static final int KAFKA = RunningStack.KAFKA;

	private static final int PARTNERSHIPS = RunningStack.PARTNERSHIPS;

	private static final int PLANS = RunningStack.PLANS;

	private static final int NOTIFICATIONS = RunningStack.NOTIFICATIONS;

	private static final int KEYCLOAK = RunningStack.KEYCLOAK;

	private static final int GATEWAY = RunningStack.GATEWAY;

	private static final List<String> SERVICES = List.of("partnership-service", "plan-service", "notification-service");

	private static final String ISSUER = "http://localhost:" + KEYCLOAK + "/realms/decoop";

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static Process stack;

	private static List<String> output = List.of();

	private static WebhookReceiver receiver;

	private static String webhookSecret;

	private static String inbox;

	@BeforeAll
	static void subscribeSkgo(RunningStack running) throws Exception {
		stack = running.process;
		output = running.output;
		receiver = new WebhookReceiver();
		JsonNode webhook = post("skgo", NOTIFICATIONS, "/api/subscriptions", """
				{"subscriber": "system test", "channel": "WEBHOOK", "target": "%s",
				 "eventTypes": ["PlanSigned", "PartnershipReactivated"]}""".formatted(receiver.answer("/decoop", 204)));
		webhookSecret = webhook.get("secret").asString();
		inbox = post("skgo", NOTIFICATIONS, "/api/subscriptions",
				"{\"subscriber\": \"system test\", \"channel\": \"INBOX\"}")
			.get("id")
			.asString();
	}

	@AfterAll
	static void stopTheReceiver() {
		if (receiver != null) {
			receiver.close();
		}
	}

	/**
	 * What {@code ss -ltnp} would show of the stack's own processes: nothing on another
	 * interface than loopback.
	 */
	@Test
	@Order(0)
	void everyPartListensOnThisMachineOnlyAndKeepsItsFilesToItsOwner() throws IOException {
		Map<String, String> listeners = listeningSocketsByInode();
		List<String> stackListeners = new ArrayList<>();
		for (ProcessHandle process : stack.descendants().toList()) {
			Path fds = Path.of("/proc", Long.toString(process.pid()), "fd");
			try (var descriptors = Files.list(fds)) {
				for (Path fd : descriptors.toList()) {
					String target;
					try {
						target = Files.readSymbolicLink(fd).toString();
					}
					catch (IOException closedMeanwhile) {
						continue;
					}
					if (target.startsWith("socket:[")
							&& listeners.containsKey(target.substring(8, target.length() - 1))) {
						stackListeners.add(listeners.get(target.substring(8, target.length() - 1)) + " ("
								+ process.info().command().orElse("?") + ", pid " + process.pid() + ")");
					}
				}
			}
			catch (IOException ended) {
				// a process that ended meanwhile listens on nothing
			}
		}
		assertThat(stackListeners)
			.as("Keycloak, its management port, Kafka, the store, Zipkin, GreenMail, the services")
			.hasSizeGreaterThanOrEqualTo(11)
			.allSatisfy(
					listener -> assertThat(listener).matches("(127\\.0\\.0\\.1|::1|::ffff:127\\.0\\.0\\.1):\\d+ .*"));

		Path home = Path.of("target", "system-test");
		assertThat(Files.getPosixFilePermissions(home)).as("the stack's home")
			.isEqualTo(PosixFilePermissions.fromString("rwx------"));
		try (var all = Files.walk(home)) {
			// all but Keycloak's program files, which its build step writes with modes of
			// its own (inside the 0700 home)
			Path keycloak = home.resolve("keycloak");
			assertThat(all.filter(path -> !Files.isSymbolicLink(path))
				.filter(path -> !path.startsWith(keycloak) || path.toString().contains("/data"))
				.toList())
				.as("Keycloak's H2 database (the realm's keys), the store's files, Kafka's, the credentials: no one else's")
				.isNotEmpty()
				.allSatisfy(path -> assertThat(Files.getPosixFilePermissions(path)).as(path.toString())
					.noneMatch(permission -> permission.name().startsWith("GROUP")
							|| permission.name().startsWith("OTHERS")));
		}
	}

	/**
	 * The realm the stack and compose import (keycloak/decoop-realm.json), as the real
	 * Keycloak applies it.
	 */
	@Test
	@Order(0)
	void theRealmLocksOutPasswordGuessersAndGivesNeitherOfflineTokensNorOpenRedirects() throws Exception {
		// sremska-mitrovica signs in nowhere else in this test: five wrong passwords lock
		// it for a while
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(passwordGrant("sremska-mitrovica", "guess-" + attempt, "openid").statusCode()).isNotEqualTo(200);
		}
		HttpResponse<String> locked = passwordGrant("sremska-mitrovica", "decoop", "openid");
		assertThat(locked.statusCode()).as("the right password, while locked out: " + locked.body()).isNotEqualTo(200);

		HttpResponse<String> offline = passwordGrant("nevers", "decoop", "openid offline_access");
		assertThat(offline.statusCode()).as("no user holds offline_access: " + offline.body()).isEqualTo(400);
		String roles = JSON.readTree(Base64.getUrlDecoder().decode(token("nevers").split("\\.")[1]))
			.path("realm_access")
			.toString();
		assertThat(roles).doesNotContain("offline_access").doesNotContain("uma_authorization");

		String authorize = ISSUER + "/protocol/openid-connect/auth?client_id=decoop-swagger&response_type=code"
				+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&redirect_uri=";
		// the realm names the services' default ports, whatever ports this test runs them
		// on
		assertThat(get(authorize + "http://localhost:8081/swagger-ui/oauth2-redirect.html").statusCode())
			.as("Swagger UI's own redirect page is a login")
			.isEqualTo(200);
		assertThat(get(authorize + "http://localhost:8081/api/elsewhere").statusCode())
			.as("any other page of the service is not a redirect target")
			.isEqualTo(400);
	}

	private static HttpResponse<String> passwordGrant(String user, String password, String scope)
			throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=decoop-cli&username=" + user
					+ "&password=" + password + "&scope=" + scope.replace(" ", "%20")))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Listening TCP sockets of this machine, by inode: "address:port". */
	private static Map<String, String> listeningSocketsByInode() throws IOException {
		Map<String, String> listening = new HashMap<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			List<String> lines = Files.readAllLines(Path.of(table));
			for (String line : lines.subList(1, lines.size())) {
				String[] columns = line.trim().split("\\s+");
				if (columns[3].equals("0A")) { // LISTEN
					String[] local = columns[1].split(":");
					listening.put(columns[9], address(local[0]) + ":" + Integer.parseInt(local[1], 16));
				}
			}
		}
		return listening;
	}

	/**
	 * /proc/net's hex address (32-bit words in host order, little-endian here) as text.
	 */
	private static String address(String hex) throws IOException {
		byte[] bytes = new byte[hex.length() / 2];
		for (int word = 0; word < bytes.length / 4; word++) {
			for (int i = 0; i < 4; i++) {
				bytes[word * 4 + i] = (byte) Integer
					.parseInt(hex.substring(word * 8 + (3 - i) * 2, word * 8 + (3 - i) * 2 + 2), 16);
			}
		}
		String text = InetAddress.getByAddress(bytes).getHostAddress();
		return text.equals("0:0:0:0:0:0:0:1") ? "::1" : text.equals("0:0:0:0:0:0:0:0") ? "::" : text;
	}

	@Test
	@Order(1)
	void aSignedPlanBringsTheDormantPartnershipBackAndEveryoneHears() throws Exception {
		String nevers = city("FR-NEVERS", "Nevers", "FR");
		String mitrovica = city("RS-SREMSKA-MITROVICA", "Sremska Mitrovica", "RS");
		String establish = """
				{"partnerIds": ["%s", "%s"], "themes": ["CULTURE", "YOUTH"]}""".formatted(nevers, mitrovica);
		assertThat(send("POST", PARTNERSHIPS, "/api/partnerships", establish, null).statusCode()).as("anonymous")
			.isEqualTo(401);
		assertThat(send("POST", PARTNERSHIPS, "/api/partnerships", establish, "kragujevac").statusCode())
			.as("Kragujevac acts for neither partner")
			.isEqualTo(403);
		String forged = TestTokens.shared().tampered("nevers", List.of("FR-NEVERS"), claims -> claims.issuer(ISSUER));
		HttpResponse<String> forgedAnswer = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PARTNERSHIPS + "/api/partnerships"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + forged)
				.POST(HttpRequest.BodyPublishers.ofString(establish))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(forgedAnswer.statusCode()).as("a token with the right claims signed by another key").isEqualTo(401);
		String partnership = post("nevers", PARTNERSHIPS, "/api/partnerships", establish).get("id").asString();
		post("nevers", PARTNERSHIPS, "/api/partnerships/" + partnership + "/dormancy",
				"{\"reason\": \"Inactive for several years\"}");

		String draft = """
				{"year": 2020, "title": "Akcioni plan 2020",
				 "parties": [{"code": "AMBAFRANCE-RS", "name": "Ambassade de France en Serbie"}, {"code": "SKGO", "name": "SKGO"}],
				 "themes": ["GENDER_EQUALITY", "RULE_OF_LAW", "YOUTH", "LOCAL_ECONOMIC_DEVELOPMENT", "ENVIRONMENT", "URBAN_PLANNING"],
				 "activities": [{"title": "Nevers – Sremska Mitrovica: restart", "theme": "YOUTH", "partnershipIds": ["%s"],
				                 "funding": [{"source": "FRENCH_MFA", "amountEur": 15000}]}]}"""
			.formatted(partnership);
		List<String> planIds = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			HttpResponse<String> response = send("POST", PLANS, "/api/plans", draft, "embassy");
			if (response.statusCode() == 201) {
				planIds.add(JSON.readTree(response.body()).get("id").asString());
			}
			return !planIds.isEmpty();
		});
		String planId = planIds.get(0);
		assertThat(send("POST", PLANS, "/api/plans/" + planId + "/signatures", "{\"party\": \"SKGO\"}", "nevers")
			.statusCode()).as("Nevers may not sign for SKGO").isEqualTo(403);
		post("embassy", PLANS, "/api/plans/" + planId + "/signatures", "{\"party\": \"AMBAFRANCE-RS\"}");
		JsonNode signed = post("skgo", PLANS, "/api/plans/" + planId + "/signatures", "{\"party\": \"SKGO\"}");
		assertThat(signed.get("status").asString()).isEqualTo("SIGNED");
		assertThat(signed.get("parties").findValuesAsString("signerId")).containsExactly(subjectOf("embassy"),
				subjectOf("skgo"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode reactivated = get(null, PARTNERSHIPS, "/api/partnerships/" + partnership);
			assertThat(reactivated.get("status").asString()).isEqualTo("ACTIVE");
			assertThat(reactivated.get("history").get(2).get("planId").asString()).isEqualTo(planId);
		});
		List<ConsumerRecord<String, byte[]>> events = readTopic("partnership-events",
				record -> partnership.equals(record.key()), 3);
		ConsumerRecord<String, byte[]> last = events.get(events.size() - 1);
		assertThat(header(last, "ce_type")).isEqualTo("org.decoop.PartnershipReactivated");
		assertThat(JSON.readTree(last.value()).get("planId").asString()).isEqualTo(planId);
		assertThat(header(last, "ce_authtype")).as("the choreography").isEqualTo("system");
		assertThat(header(events.get(0), "ce_authtype")).isEqualTo("user");
		assertThat(header(events.get(0), "ce_authid")).as("Nevers established it").isEqualTo(subjectOf("nevers"));
		ConsumerRecord<String, byte[]> planSigned = readTopic("plan-events",
				record -> planId.equals(record.key()) && "org.decoop.PlanSigned".equals(header(record, "ce_type")), 1)
			.get(0);
		assertThat(header(planSigned, "ce_authid")).as("SKGO's signature made it SIGNED").isEqualTo(subjectOf("skgo"));

		await().atMost(Duration.ofSeconds(30)).until(() -> receiver.receivedOn("/decoop").size() >= 2);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> receiver.receivedOn("/decoop").size() == 2);
		Map<String, Integer> types = new HashMap<>();
		for (WebhookReceiver.Received webhook : receiver.receivedOn("/decoop")) {
			assertThat(webhook.header("webhook-signature")).isEqualTo("v1," + hmac(webhookSecret,
					webhook.header("webhook-id") + "." + webhook.header("webhook-timestamp") + "." + webhook.body()));
			types.merge(JSON.readTree(webhook.body()).get("type").asString(), 1, Integer::sum);
		}
		assertThat(types).containsExactlyInAnyOrderEntriesOf(
				Map.of("org.decoop.PlanSigned", 1, "org.decoop.PartnershipReactivated", 1));
	}

	@Test
	@Order(2)
	void losesNoEventAndDoublesNoNotificationWhenAServiceIsKilledMidBurst() throws Exception {
		String arles = city("FR-ARLES", "Arles", "FR");
		String nis = city("RS-NIS", "Niš", "RS");
		String body = "{\"partnerIds\": [\"%s\", \"%s\"], \"themes\": [\"HERITAGE\"]}".formatted(arles, nis);
		int burst = 30;
		List<String> accepted = new ArrayList<>();
		for (int i = 0; i < burst; i++) {
			if (i == burst / 3) {
				kill("partnership-service", 1);
			}
			// While the service is down, the client retries, as a real one would.
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() -> {
				HttpResponse<String> response = send("POST", PARTNERSHIPS, "/api/partnerships", body, "skgo");
				if (response.statusCode() == 201) {
					accepted.add(JSON.readTree(response.body()).get("id").asString());
					return true;
				}
				return false;
			});
		}
		assertThat(output)
			.anyMatch(line -> line.contains("partnership-service stopped unexpectedly; starting it again"));

		Set<String> ids = Set.copyOf(accepted);
		assertThat(ids).hasSize(burst);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(established(ids)).hasSize(burst));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> established(ids).size() == burst);
		List<String> subjects = established(ids);
		assertThat(new HashSet<>(subjects)).as("one notification per partnership, none doubled").hasSize(burst);

		List<ConsumerRecord<String, byte[]>> records = readTopic("partnership-events",
				record -> ids.contains(record.key()), burst);
		Set<String> eventIds = new HashSet<>();
		records.forEach(record -> eventIds.add(header(record, "ce_id")));
		Set<String> keys = new HashSet<>();
		records.forEach(record -> keys.add(record.key()));
		assertThat(keys).as("no event lost").isEqualTo(ids);
		assertThat(eventIds).as("a re-sent event keeps its id").hasSize(burst);
	}

	@Test
	@Order(3)
	void theBrokerLetsEachPrincipalDoOnlyItsJobAndConsumersTrustOnlyATopicsOwner() throws Exception {
		String suresnes = city("FR-SURESNES", "Suresnes", "FR");
		String kragujevac = city("RS-KRAGUJEVAC", "Kragujevac", "RS");
		String partnership = post("suresnes", PARTNERSHIPS, "/api/partnerships",
				"{\"partnerIds\": [\"%s\", \"%s\"], \"themes\": [\"CULTURE\"]}".formatted(suresnes, kragujevac))
			.get("id")
			.asString();
		post("suresnes", PARTNERSHIPS, "/api/partnerships/" + partnership + "/dormancy", "{\"reason\": \"Quiet\"}");
		assertThat(readTopic("partnership-events", record -> partnership.equals(record.key()), 2))
			.as("subscriber reads")
			.hasSizeGreaterThanOrEqualTo(2);

		ProducerRecord<String, byte[]> forged = planSigned("forged-plan", partnership, "/plan-service");
		assertThat(produce("subscriber", forged)).as("subscriber writes nothing")
			.isInstanceOf(AuthorizationException.class);
		assertThat(produce("notification-service", forged)).as("nor does a service on another's topic")
			.isInstanceOf(AuthorizationException.class);
		Map<String, Object> anonymous = new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
				"127.0.0.1:" + KAFKA, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000));
		try (Admin admin = Admin.create(anonymous)) {
			assertThat(admin.listTopics().names()).as("no credentials, no answer").failsWithin(Duration.ofSeconds(10));
		}

		// A principal that may write plan-events, pretending to be another service:
		// parked, never applied.
		ProducerRecord<String, byte[]> wrongSource = planSigned("wrong-source-plan", partnership,
				"/notification-service");
		assertThat(produce("plan-service", wrongSource)).isNull();
		ConsumerRecord<String, byte[]> parked = readTopic("broker", "plan-events.partnership-service.dlq",
				record -> "wrong-source-plan".equals(record.key()), 1)
			.get(0);
		assertThat(header(parked, "kafka_dlt-exception-message")).contains("ce_source=/notification-service");
		assertThat(get(null, PARTNERSHIPS, "/api/partnerships/" + partnership).get("status").asString())
			.as("neither forged PlanSigned reactivated it")
			.isEqualTo("DORMANT");
	}

	@Test
	@Order(4)
	void aKilledBrokerIsStartedAgainAndTheFlowResumesWithNothingLost() throws Exception {
		String arles = get(null, PARTNERSHIPS, "/api/local-authorities?code=FR-ARLES").get("content")
			.get(0)
			.get("id")
			.asString();
		String nis = get(null, PARTNERSHIPS, "/api/local-authorities?code=RS-NIS").get("content")
			.get(0)
			.get("id")
			.asString();
		kill("kafka.Kafka");

		Set<String> accepted = new HashSet<>();
		for (int i = 0; i < 5; i++) {
			accepted.add(post("skgo", PARTNERSHIPS, "/api/partnerships",
					"{\"partnerIds\": [\"%s\", \"%s\"], \"themes\": [\"HERITAGE\"]}".formatted(arles, nis))
				.get("id")
				.asString());
		}
		await().atMost(Duration.ofSeconds(40))
			.until(() -> output.stream()
				.anyMatch(line -> line.contains("the Kafka broker stopped unexpectedly; starting it again")));

		await().atMost(Duration.ofMinutes(2))
			.ignoreExceptions()
			.untilAsserted(
					() -> assertThat(established(accepted)).as("each one notified once the broker is back").hasSize(5));
		List<ConsumerRecord<String, byte[]>> records = readTopic("partnership-events",
				record -> accepted.contains(record.key()), 5);
		assertThat(records.stream().map(ConsumerRecord::key).collect(java.util.stream.Collectors.toSet()))
			.isEqualTo(accepted);
		assertThat(records.stream().map(record -> header(record, "ce_id")).distinct()).as("none doubled")
			.hasSize(records.size());
	}

	@Test
	@Order(5)
	void aSubscriberThatJoinsLateReadsEveryEventAndReachesTheStateTheApiShows() throws Exception {
		String kragujevac = get(null, PARTNERSHIPS, "/api/local-authorities?code=RS-KRAGUJEVAC").get("content")
			.get(0)
			.get("id")
			.asString();
		LocalDate inAYear = LocalDate.now(ZoneOffset.UTC).plusYears(1);
		String open = """
				{"localAuthorityId": "%s", "themes": ["YOUTH"], "countries": ["FR"], "description": "%s", "openUntil": "%s"}""";
		post("kragujevac", PARTNERSHIPS, "/api/partner-searches",
				open.formatted(kragujevac, "Youth exchanges", inAYear));
		String closed = post("kragujevac", PARTNERSHIPS, "/api/partner-searches",
				open.formatted(kragujevac, "A river clean-up", inAYear))
			.get("id")
			.asString();
		post("kragujevac", PARTNERSHIPS, "/api/partner-searches/" + closed + "/closure", "{\"reason\": \"Found one\"}");
		post("embassy", PLANS, "/api/funding-calls", """
				{"code": "MEAE-FR-RS-2099", "title": "Appel à projets", "funder": "FRENCH_MFA", "themes": ["YOUTH"],
				 "eligibleCountries": ["FR", "RS"], "opensOn": "2020-01-15", "closesOn": "%s",
				 "maxGrantEur": 20000.50, "maxCoFinancingRate": 0.7}""".formatted(inAYear));
		String cancelled = post("embassy", PLANS, "/api/plans",
				"""
						{"year": 2021, "title": "Plan 2021", "parties": [{"code": "AMBAFRANCE-RS", "name": "Ambassade"}, {"code": "SKGO", "name": "SKGO"}],
						 "themes": ["YOUTH"], "activities": []}""")
			.get("id")
			.asString();
		post("embassy", PLANS, "/api/plans/" + cancelled + "/cancellation", "{\"reason\": \"Merged into 2022\"}");

		// the API writes first and the relay publishes a moment later: compare once the
		// topics have caught up
		Map<String, Integer> counts = new TreeMap<>();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			LateSubscriber subscriber = LateSubscriber.readEverything(subscriberClient(),
					LocalDate.now(ZoneOffset.UTC));
			List<String> differences = new ArrayList<>();
			for (var kind : List.of(Map.entry("partnerships", Map.entry(PARTNERSHIPS, "/api/partnerships")),
					Map.entry("partnerSearches", Map.entry(PARTNERSHIPS, "/api/partner-searches")),
					Map.entry("plans", Map.entry(PLANS, "/api/plans")),
					Map.entry("fundingCalls", Map.entry(PLANS, "/api/funding-calls")))) {
				Map<String, tools.jackson.databind.node.ObjectNode> folded = switch (kind.getKey()) {
					case "partnerships" -> subscriber.partnerships;
					case "partnerSearches" -> subscriber.partnerSearches;
					case "plans" -> subscriber.plans;
					default -> subscriber.fundingCalls;
				};
				Map<String, tools.jackson.databind.node.ObjectNode> api = LateSubscriber
					.project(all(kind.getValue().getKey(), kind.getValue().getValue()), kind.getKey());
				differences.addAll(LateSubscriber.differences(kind.getKey(), folded, api));
				counts.put(kind.getKey(), api.size());
			}
			assertThat(differences).as("the topics and the API disagree").isEmpty();
			counts.putAll(subscriber.eventsRead);
		});
		System.out.println("Late subscriber: folded " + counts + "; 0 differences with the API");
		LateSubscriber sizes = LateSubscriber.readEverything(subscriberClient(), LocalDate.now(ZoneOffset.UTC));
		sizes.bytesRead
			.forEach((topic, bytes) -> System.out.printf("Late subscriber: %s, %d events, %d bytes each on average%n",
					topic, sizes.eventsRead.get(topic), bytes / sizes.eventsRead.get(topic)));
		assertThat(counts).containsKeys("partnership-events", "plan-events");
		assertThat(counts.get("partnerSearches")).isGreaterThanOrEqualTo(2);
		assertThat(counts.get("plans")).isGreaterThanOrEqualTo(2);
	}

	/**
	 * Issue 25's fault test: two instances of each service behind the gateway, steady
	 * commands through it, each retried with its Idempotency-Key until it is answered,
	 * while one instance of each service in turn is killed with SIGKILL (the first of
	 * one, the second of the next) and started again by the stack. Every command is done
	 * once: once in the store, once on its topic, once in a catch-all inbox, and once, in
	 * order, on an SSE stream read through the gateway the whole time.
	 */
	@Test
	@Order(6)
	void everyCommandRetriedThroughTheGatewayIsDoneOnceWhileEachInstanceIsKilledInTurn() throws Exception {
		// the earlier tests' tokens may be near their 15 minutes
		TOKENS.clear();
		String avignon = city("FR-AVIGNON", "Avignon", "FR");
		String subotica = city("RS-SUBOTICA", "Subotica", "RS");
		String catchAll = command("skgo", "/api/subscriptions",
				"{\"subscriber\": \"fault test\", \"channel\": \"INBOX\"}");
		Retrying client = new Retrying();
		try (InboxStreamClient stream = new InboxStreamClient(
				URI.create("http://localhost:" + GATEWAY + "/api/subscriptions/" + catchAll + "/stream"),
				() -> fresh("skgo"))
			.start()) {
			await().atMost(Duration.ofSeconds(30)).until(stream::connected);
			String partnership = "{\"partnerIds\": [\"%s\", \"%s\"], \"themes\": [\"HERITAGE\"]}".formatted(avignon,
					subotica);
			Map<String, String> partnerships = new ConcurrentHashMap<>();
			Map<String, String> plans = new ConcurrentHashMap<>();
			Map<String, String> subscriptions = new ConcurrentHashMap<>();
			AtomicBoolean steady = new AtomicBoolean(true);
			AtomicInteger commands = new AtomicInteger();
			// a thread each (the common pool may have one on a small machine)
			ExecutorService clients = Executors.newFixedThreadPool(3);
			List<CompletableFuture<Void>> workers = List.of(CompletableFuture.runAsync(() -> {
				for (int i = 0; steady.get(); i++) {
					partnerships.put("partnership " + i, client.command("skgo", "/api/partnerships", partnership));
					commands.incrementAndGet();
				}
			}, clients), CompletableFuture.runAsync(() -> {
				for (int i = 0; steady.get(); i++) {
					plans.put("Fault plan " + i,
							client.command("embassy", "/api/plans",
									"""
											{"year": 2030, "title": "Fault plan %d", "themes": ["YOUTH"], "activities": [],
											 "parties": [{"code": "AMBAFRANCE-RS", "name": "Ambassade"}, {"code": "SKGO", "name": "SKGO"}]}"""
										.formatted(i)));
					commands.incrementAndGet();
				}
			}, clients), CompletableFuture.runAsync(() -> {
				// a few: one for every ten other commands
				for (int i = 0; steady.get(); i++) {
					subscriptions.put("fault " + i, client.command("skgo", "/api/subscriptions",
							"{\"subscriber\": \"fault %d\", \"channel\": \"INBOX\", \"eventTypes\": [\"PlanSigned\"]}"
								.formatted(i)));
					int after = commands.get() + 10;
					await().atMost(Duration.ofMinutes(3)).until(() -> commands.get() >= after || !steady.get());
				}
			}, clients));
			try {
				// one instance of each service in turn, the first of one, the second of
				// the
				// next (a round per instance would double verify's longest test: each
				// restart of three JVMs takes a minute on two cores)
				Map<String, Long> killed = new LinkedHashMap<>();
				Map<String, Integer> instances = new LinkedHashMap<>();
				int instance = 1;
				for (String service : SERVICES) {
					int before = commands.get();
					// commands keep coming while it is down and the gateway notices
					await().atMost(Duration.ofMinutes(3)).until(() -> commands.get() >= before + 5);
					killed.put(service, kill(service, instance));
					instances.put(service, instance);
					instance = 3 - instance;
				}
				for (String service : SERVICES) {
					awaitRestarted(service, instances.get(service), killed.get(service));
				}
				int before = commands.get();
				await().atMost(Duration.ofMinutes(3)).until(() -> commands.get() >= before + 5);
			}
			finally {
				steady.set(false);
				CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
				clients.shutdown();
			}
			assertThat(List.of(partnerships, plans, subscriptions)).as("each client sent commands")
				.allSatisfy(answered -> assertThat(answered).isNotEmpty());

			// the store: one entity per command, each the one its command was answered
			Set<String> partnershipIds = Set.copyOf(partnerships.values());
			Set<String> planIds = Set.copyOf(plans.values());
			assertThat(partnershipIds).as("one partnership per command").hasSize(partnerships.size());
			assertThat(planIds).as("one plan per command").hasSize(plans.size());
			assertThat(all(GATEWAY, "/api/partnerships?localAuthorityId=" + avignon).stream()
				.map(item -> item.get("id").asString())
				.toList()).as("the partnerships stored").containsExactlyInAnyOrderElementsOf(partnershipIds);
			assertThat(all(GATEWAY, "/api/plans").stream()
				.filter(plan -> plan.get("title").asString().startsWith("Fault plan "))
				.map(plan -> plan.get("id").asString())
				.toList()).as("the plans stored").containsExactlyInAnyOrderElementsOf(planIds);
			List<String> stored = new ArrayList<>();
			for (JsonNode subscription : get("skgo", GATEWAY, "/api/subscriptions?size=200").get("content")) {
				if (subscription.get("subscriber").asString().matches("fault \\d+")) {
					stored.add(subscription.get("id").asString());
				}
			}
			assertThat(stored).as("the subscriptions stored")
				.containsExactlyInAnyOrderElementsOf(subscriptions.values());

			// the topics: one event per command (a record sent again keeps its event's
			// id)
			Map<String, Set<String>> events = new HashMap<>();
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(readTopic("partnership-events",
					record -> partnershipIds.contains(record.key()), partnershipIds.size()));
			records.addAll(readTopic("plan-events", record -> planIds.contains(record.key()), planIds.size()));
			records.forEach(record -> events.computeIfAbsent(record.key(), key -> new HashSet<>())
				.add(header(record, "ce_id")));
			assertThat(events.keySet()).as("an event for each").hasSize(partnershipIds.size() + planIds.size());
			assertThat(events.values()).as("one event each").allSatisfy(ids -> assertThat(ids).hasSize(1));

			// the catch-all inbox: one notification per event, and the stream got each
			// once, in order
			Set<String> subjects = new HashSet<>(partnershipIds);
			subjects.addAll(planIds);
			List<JsonNode> inbox = new ArrayList<>();
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
				inbox.clear();
				inbox.addAll(all("skgo", GATEWAY, "/api/subscriptions/" + catchAll + "/notifications"));
				assertThat(inbox.stream().map(notification -> notification.get("subject").asString()))
					.as("one notification per event")
					.filteredOn(subjects::contains)
					.hasSize(subjects.size())
					.doesNotHaveDuplicates();
				assertThat(stream.received).as("the stream got every notification of the inbox").hasSameSizeAs(inbox);
			});
			assertThat(stream.received.stream().map(InboxStreamClient.Received::notificationId))
				.as("the stream's notifications, once each")
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(
						inbox.stream().map(notification -> notification.get("id").asString()).toList());
			assertThat(stream.received.stream().map(InboxStreamClient.Received::sequence).toList()).as("in order")
				.isSorted();
			System.out
				.printf("Fault test: %d commands (%d partnerships, %d plans, %d subscriptions) through the gateway; "
						+ "%d retried attempts %s; the store holds %d + %d + %d, the topics %d events (%d records), "
						+ "the catch-all inbox %d notifications, the SSE client received %d over %d connections "
						+ "(%d stalls, reconnect refusals %s)%n",
						partnerships.size() + plans.size() + subscriptions.size(), partnerships.size(), plans.size(),
						subscriptions.size(), client.retries.values().stream().mapToInt(Integer::intValue).sum(),
						client.retries, partnershipIds.size(), planIds.size(), stored.size(), events.size(),
						records.size(), inbox.size(), stream.received.size(), stream.connections.get(),
						stream.stalls.get(), stream.refusals);
			assertThat(stream.stalls).as("no stream stayed silent").hasValue(0);
		}
	}

	/**
	 * A client of the gateway that sends each command with an Idempotency-Key of its own
	 * and sends it again, with the same key, until it is answered: after a connection
	 * error, a 502, 503 or 504, or a 409 with Retry-After (its first attempt still runs,
	 * or ran on an instance that died).
	 */
	private static final class Retrying {

		/** What made it send again: status (or error) → count. */
		final Map<String, Integer> retries = new ConcurrentHashMap<>();

		/** The id of what the command created. */
		String command(String user, String path, String json) {
			String key = UUID.randomUUID().toString();
			List<HttpResponse<String>> answered = new ArrayList<>();
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
				HttpResponse<String> response;
				try {
					response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + GATEWAY + path))
						.timeout(Duration.ofSeconds(20))
						.header("Content-Type", "application/json")
						.header("Authorization", "Bearer " + fresh(user))
						.header("Idempotency-Key", "\"" + key + "\"")
						.POST(HttpRequest.BodyPublishers.ofString(json))
						.build(), HttpResponse.BodyHandlers.ofString());
				}
				catch (IOException noAnswer) {
					retries.merge(noAnswer.getClass().getSimpleName(), 1, Integer::sum);
					return false;
				}
				int status = response.statusCode();
				if (status == 502 || status == 503 || status == 504
						|| (status == 409 && response.headers().firstValue("Retry-After").isPresent())) {
					retries.merge(Integer.toString(status), 1, Integer::sum);
					return false;
				}
				answered.add(response);
				return true;
			});
			HttpResponse<String> response = answered.get(0);
			assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
			String id = JSON.readTree(response.body()).get("id").asString();
			assertThat(response.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith(path + "/" + id));
			return id;
		}

	}

	/** A command through the gateway, retried with its key until answered; its id. */
	private static String command(String user, String path, String json) {
		return new Retrying().command(user, path, json);
	}

	/** A user's token (the cache is emptied before a long test). */
	private static String fresh(String user) {
		try {
			return token(user);
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Waits until the stack started the killed instance again and it is ready (the
	 * gateway's health checks find it within seconds).
	 */
	private static void awaitRestarted(String service, int instance, long killedPid) {
		int port = port(service, instance);
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
			ProcessHandle restarted = instance(service, instance);
			return restarted.pid() != killedPid
					&& send("GET", port, "/actuator/health/readiness", null, null).statusCode() == 200;
		});
	}

	/**
	 * Every item of a paged list, read as a signed-in steward (who sees the signers'
	 * ids).
	 */
	private static List<JsonNode> all(int port, String path) throws Exception {
		return all("embassy", port, path);
	}

	private static List<JsonNode> all(String user, int port, String path) throws Exception {
		List<JsonNode> items = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode answer = get(user, port, path + (path.contains("?") ? "&" : "?") + "size=200&page=" + page);
			answer.get("content").forEach(items::add);
			if (page + 1 >= answer.get("page").get("totalPages").asInt()) {
				return items;
			}
		}
	}

	/**
	 * The read-only principal {@code subscriber}, reading with manual assignment (no
	 * group).
	 */
	private static Map<String, Object> subscriberClient() throws IOException {
		Map<String, Object> config = new HashMap<>(kafkaClient("subscriber"));
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return config;
	}

	/**
	 * The subjects of the PartnershipEstablished notifications in the inbox for these
	 * partnerships.
	 */
	private static List<String> established(Set<String> ids) throws Exception {
		List<String> subjects = new ArrayList<>();
		for (JsonNode notification : get("skgo", NOTIFICATIONS,
				"/api/subscriptions/" + inbox + "/notifications?size=200")
			.get("content")) {
			if (notification.get("eventType").asString().equals("PartnershipEstablished")
					&& ids.contains(notification.get("subject").asString())) {
				subjects.add(notification.get("subject").asString());
			}
		}
		return subjects;
	}

	/**
	 * Reads a topic as the read-only principal {@code subscriber}, with a group of its
	 * own ({@code subscriber-*}).
	 */
	private static List<ConsumerRecord<String, byte[]>> readTopic(String topic,
			java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted, int atLeast) throws IOException {
		return readTopic("subscriber", topic, wanted, atLeast);
	}

	private static List<ConsumerRecord<String, byte[]>> readTopic(String principal, String topic,
			java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted, int atLeast) throws IOException {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		Map<String, Object> config = new HashMap<>(kafkaClient(principal));
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "subscriber-system-test-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(300)).forEach(record -> {
					if (wanted.test(record)) {
						records.add(record);
					}
				});
				return records.size() >= atLeast;
			});
			consumer.poll(Duration.ofSeconds(1)).forEach(record -> {
				if (wanted.test(record)) {
					records.add(record);
				}
			});
		}
		return records;
	}

	/**
	 * A Kafka client signed in as {@code principal} with the password the stack generated
	 * ({@code broker}: PLAIN).
	 */
	private static Map<String, Object> kafkaClient(String principal) throws IOException {
		Properties credentials = new Properties();
		try (var in = Files.newBufferedReader(Path.of("target", "system-test", "credentials.properties"))) {
			credentials.load(in);
		}
		String password = credentials.getProperty("kafka." + principal + ".password");
		boolean broker = principal.equals("broker");
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + KAFKA);
		config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
		config.put(SaslConfigs.SASL_MECHANISM, broker ? "PLAIN" : "SCRAM-SHA-512");
		config.put(SaslConfigs.SASL_JAAS_CONFIG,
				(broker ? "org.apache.kafka.common.security.plain.PlainLoginModule"
						: "org.apache.kafka.common.security.scram.ScramLoginModule")
						+ " required username=\"%s\" password=\"%s\";".formatted(principal, password));
		return config;
	}

	/**
	 * A PlanSigned naming {@code partnership}, as a CloudEvent in Kafka binary mode
	 * claiming to come from {@code source}.
	 */
	private static ProducerRecord<String, byte[]> planSigned(String planId, String partnership, String source) {
		PlanSigned event = new PlanSigned(planId, 2, 2020, "Forged", List.of(), Set.of(Theme.CULTURE),
				List.of(new PlanEvent.Activity("a1", "x", Theme.CULTURE, List.of(partnership), null, null, List.of())),
				Instant.now());
		ProducerRecord<String, byte[]> record = new ProducerRecord<>("plan-events", planId,
				JSON.writeValueAsBytes(event));
		Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", source, "ce_type",
				"org.decoop.PlanSigned", "ce_subject", planId, "ce_time", event.occurredAt().toString(), "content-type",
				"application/json")
			.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	/**
	 * Produces one record as {@code principal}; what the broker answered, null when it
	 * took it.
	 */
	private static Throwable produce(String principal, ProducerRecord<String, byte[]> record) throws IOException {
		Map<String, Object> config = new HashMap<>(kafkaClient(principal));
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(record).get(30, TimeUnit.SECONDS);
			return null;
		}
		catch (ExecutionException e) {
			return e.getCause();
		}
		catch (Exception e) {
			return e;
		}
	}

	/** GET as a demo user of the realm (none: anonymously). */
	private static JsonNode get(String user, int port, String path) throws Exception {
		HttpResponse<String> response = send("GET", port, path, null, user);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static JsonNode post(String user, int port, String path, String json) throws Exception {
		HttpResponse<String> response = send("POST", port, path, json, user);
		assertThat(response.statusCode() / 100).as(path + " " + response.body()).isEqualTo(2);
		return JSON.readTree(response.body());
	}

	private static HttpResponse<String> send(String method, int port, String path, String json, String user)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			request.header("Authorization", "Bearer " + token(user));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A demo user's access token from the real Keycloak of the stack (client decoop-cli,
	 * password decoop).
	 */
	private static String token(String user) throws IOException, InterruptedException {
		String cached = TOKENS.get(user);
		if (cached != null) {
			return cached;
		}
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("grant_type=password&client_id=decoop-cli&username=" + user + "&password=decoop"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String token = JSON.readTree(response.body()).get("access_token").asString();
		TOKENS.put(user, token);
		return token;
	}

	/** The subject Keycloak gives the user, read from their token. */
	private static String subjectOf(String user) throws Exception {
		String payload = token(user).split("\\.")[1];
		return JSON.readTree(Base64.getUrlDecoder().decode(payload)).get("sub").asString();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private static String hmac(String secret, String content) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The city of {@code code}: the demo's, or registered now as the embassy; its id.
	 */
	private static String city(String code, String name, String country) throws Exception {
		JsonNode known = get(null, PARTNERSHIPS, "/api/local-authorities?code=" + code).get("content");
		if (!known.isEmpty()) {
			return known.get(0).get("id").asString();
		}
		return post("embassy", PARTNERSHIPS, "/api/local-authorities",
				"{\"code\": \"%s\", \"name\": \"%s\", \"country\": \"%s\", \"kind\": \"CITY\"}".formatted(code, name,
						country))
			.get("id")
			.asString();
	}

	/**
	 * Kills the stack's process whose command line names {@code program}, as a crash
	 * would.
	 */
	private static void kill(String program) {
		ProcessHandle process = stack.descendants()
			.filter(p -> p.info().commandLine().orElse("").contains(program))
			.findFirst()
			.orElseThrow();
		kill(process);
	}

	/** Kills instance {@code instance} of {@code service} with SIGKILL; its pid. */
	private static long kill(String service, int instance) {
		ProcessHandle process = instance(service, instance);
		kill(process);
		return process.pid();
	}

	private static void kill(ProcessHandle process) {
		process.destroyForcibly();
		await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
	}

	/**
	 * The process of instance {@code instance} of {@code service}: both run the same jar,
	 * each told its own port in its environment.
	 */
	private static ProcessHandle instance(String service, int instance) {
		int port = port(service, instance);
		return stack.descendants()
			.filter(p -> p.info().commandLine().orElse("").contains(service + ".jar"))
			.filter(p -> environment(p).contains("SERVER_PORT=" + port))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(service + " instance " + instance + " is not running"));
	}

	/** Where instance {@code instance} of {@code service} listens. */
	private static int port(String service, int instance) {
		int first = switch (service) {
			case "partnership-service" -> PARTNERSHIPS;
			case "plan-service" -> PLANS;
			default -> NOTIFICATIONS;
		};
		return first + (instance - 1) * StackOptions.REPLICA_PORT_STEP;
	}

	private static List<String> environment(ProcessHandle process) {
		try {
			return List.of(Files
				.readString(Path.of("/proc", Long.toString(process.pid()), "environ"), StandardCharsets.ISO_8859_1)
				.split("\0"));
		}
		catch (IOException ended) {
			return List.of();
		}
	}

}
