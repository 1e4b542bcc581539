package org.decoop.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.decoop.events.Theme;
import org.decoop.events.Topics;
import org.decoop.events.plan.PlanEvent;
import org.decoop.events.plan.PlanSigned;
import org.decoop.platform.outbox.EventSerializer;
import org.decoop.platform.outbox.CloudEventRecords;
import org.decoop.platform.testing.EnabledOnTestInfrastructure;
import org.decoop.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * partnership-service as a client meets it: HTTP in, CloudEvents on {@code partnership-events}
 * out, against the embedded Kafka broker and the in-process MongoDB wire server.
 */
@EnabledOnTestInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnershipServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.current().springProperties("partnerships-it").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaConsumer<String, byte[]> consumer;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void readTheTopicFromTheStart() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.current().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.PARTNERSHIP_EVENTS));
    }

    @AfterEach
    void closeConsumer() {
        consumer.close();
    }

    @Test
    void publishesEveryLifecycleChangeAsACloudEventKeyedByThePartnership() throws Exception {
        String nevers = createLocalAuthority("Nevers " + run, "FR", "CITY");
        String mitrovica = createLocalAuthority("Sremska Mitrovica " + run, "RS", "CITY");

        HttpResponse<String> created = send("POST", "/api/partnerships", """
                {"partnerIds": ["%s", "%s"], "since": 2005, "themes": ["CULTURE", "EDUCATION"],
                 "coordinator": {"name": "SKGO coordinator", "email": "coordination@skgo.org"}}""".formatted(nevers, mitrovica), null);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/partnerships/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");

        HttpResponse<String> dormant = send("POST", "/api/partnerships/" + id + "/dormancy",
                "{\"reason\": \"No joint project for years\"}", "\"0\"");
        assertThat(dormant.statusCode()).isEqualTo(200);
        assertThat(dormant.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(JSON.readTree(dormant.body()).get("status").asString()).isEqualTo("DORMANT");

        assertThat(send("POST", "/api/partnerships/" + id + "/reactivation", "{\"reason\": \"Stale\"}", "\"0\"").statusCode())
                .as("If-Match with a stale version").isEqualTo(412);
        assertThat(send("POST", "/api/partnerships/" + id + "/dormancy", "{\"reason\": \"Again\"}", null).statusCode())
                .as("already dormant").isEqualTo(409);

        assertThat(send("POST", "/api/partnerships/" + id + "/reactivation", "{\"reason\": \"Restarting the cooperation\"}", null)
                .statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/partnerships/" + id + "/termination", "{\"reason\": \"Merged\"}", "W/\"2\"")
                .statusCode()).as("If-Match compares strongly: a weak tag never matches").isEqualTo(412);
        assertThat(send("POST", "/api/partnerships/" + id + "/termination", "{\"reason\": \"Merged\"}", "\"1\", \"2\"")
                .statusCode()).isEqualTo(200);

        JsonNode body = JSON.readTree(send("GET", "/api/partnerships/" + id, null, null).body());
        assertThat(body.get("status").asString()).isEqualTo("ENDED");
        assertThat(body.get("history").findValuesAsString("status")).containsExactly("ACTIVE", "DORMANT", "ACTIVE", "ENDED");
        assertThat(body.get("history").get(1).get("reason").asString()).isEqualTo("No joint project for years");
        assertThat(body.get("partners").findValuesAsString("country")).containsExactly("FR", "RS");

        List<ConsumerRecord<String, byte[]>> records = recordsFor(id, 4);
        assertThat(records).extracting(record -> header(record, "ce_type")).containsExactly(
                "org.decoop.PartnershipEstablished", "org.decoop.PartnershipWentDormant",
                "org.decoop.PartnershipReactivated", "org.decoop.PartnershipEnded");
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(record.key()).isEqualTo(id);
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
            assertThat(header(record, "ce_source")).isEqualTo("/partnership-service");
            assertThat(header(record, "ce_subject")).isEqualTo(id);
            assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
            assertThat(header(record, "content-type")).isEqualTo("application/json");

            CloudEvent event = CloudEventRecords.toCloudEvent(record);
            assertThat(event.getId()).isEqualTo(header(record, "ce_id"));
            assertThat(event.getSubject()).isEqualTo(id);
        }
        assertThat(records).extracting(record -> header(record, "ce_id")).doesNotHaveDuplicates();

        JsonNode established = JSON.readTree(records.get(0).value());
        assertThat(established.get("partnershipId").asString()).isEqualTo(id);
        assertThat(established.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(established.get("since").asInt()).isEqualTo(2005);
        assertThat(established.get("themes").valueStream().map(JsonNode::asString)).containsExactly("CULTURE", "EDUCATION");
        assertThat(established.get("partners").get(0).get("id").asString()).isEqualTo(nevers);
        assertThat(established.get("partners").get(0).get("name").asString()).isEqualTo("Nevers " + run);
        assertThat(established.get("partners").get(1).get("country").asString()).isEqualTo("RS");
        assertThat(established.get("occurredAt").asString()).isNotBlank();

        JsonNode wentDormant = JSON.readTree(records.get(1).value());
        assertThat(wentDormant.get("reason").asString()).isEqualTo("No joint project for years");
        assertThat(wentDormant.get("version").asLong()).isEqualTo(1);
        assertThat(wentDormant.get("partners").size()).isEqualTo(2);
        assertThat(JSON.readTree(records.get(3).value()).get("status").asString()).isEqualTo("ENDED");
    }

    @Test
    void reactivatesADormantPartnershipOnceWhenAPlanNamingItIsSigned() throws Exception {
        String nevers = createLocalAuthority("Nevers " + run, "FR", "CITY");
        String mitrovica = createLocalAuthority("Sremska Mitrovica " + run, "RS", "CITY");
        String suresnes = createLocalAuthority("Suresnes " + run, "FR", "CITY");
        String kragujevac = createLocalAuthority("Kragujevac " + run, "RS", "CITY");
        String dormant = establish(nevers, mitrovica, "YOUTH");
        String active = establish(suresnes, kragujevac, "CULTURE");
        send("POST", "/api/partnerships/" + dormant + "/dormancy", "{\"reason\": \"No joint project since 2012\"}", null);

        String planId = "plan-" + run;
        ProducerRecord<String, byte[]> planSigned = CloudEventRecords.toRecord(new EventSerializer().toOutbox(new PlanSigned(planId, 2, 2020,
                "Akcioni plan 2020", List.of(), Set.of(Theme.YOUTH),
                List.of(new PlanEvent.Activity("a1", "Restart", Theme.YOUTH, List.of(dormant, active, "unknown-partnership"), null, null,
                        List.of())), Instant.now())), Topics.PLAN_EVENTS, "/plan-service");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.current().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(planSigned).get();
            producer.send(planSigned).get();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(JSON.readTree(send("GET", "/api/partnerships/" + dormant, null, null).body()).get("status").asString())
                        .isEqualTo("ACTIVE"));
        JsonNode history = JSON.readTree(send("GET", "/api/partnerships/" + dormant, null, null).body()).get("history");
        assertThat(history.get(2).get("planId").asString()).isEqualTo(planId);
        assertThat(history.get(2).get("reason").asString()).contains("Akcioni plan 2020");

        List<ConsumerRecord<String, byte[]>> records = recordsFor(dormant, 3);
        assertThat(header(records.get(2), "ce_type")).isEqualTo("org.decoop.PartnershipReactivated");
        assertThat(JSON.readTree(records.get(2).value()).get("planId").asString()).isEqualTo(planId);
        assertThat(JSON.readTree(send("GET", "/api/partnerships/" + active, null, null).body()).get("history").size())
                .as("an ACTIVE partnership is not reactivated").isEqualTo(1);
    }

    @Test
    void refusesBadPartnershipsWithoutWritingOrPublishingAnything() throws Exception {
        String suresnes = createLocalAuthority("Suresnes " + run, "FR", "CITY");
        long before = totalPartnerships();

        HttpResponse<String> unknown = send("POST", "/api/partnerships",
                "{\"partnerIds\": [\"%s\", \"no-such-authority\"], \"themes\": []}".formatted(suresnes), null);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(unknown.body()).get("field").asString()).isEqualTo("partnerIds[1]");

        HttpResponse<String> twice = send("POST", "/api/partnerships",
                "{\"partnerIds\": [\"%s\", \"%s\"], \"themes\": []}".formatted(suresnes, suresnes), null);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(twice.body()).get("field").asString()).isEqualTo("partnerIds[1]");

        HttpResponse<String> unknownTheme = send("POST", "/api/partnerships",
                "{\"partnerIds\": [\"%s\", \"x\"], \"themes\": [\"KNITTING\"]}".formatted(suresnes), null);
        assertThat(unknownTheme.statusCode()).isEqualTo(400);
        assertThat(unknownTheme.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(unknownTheme.body()).get("field").asString()).isEqualTo("themes[0]");

        HttpResponse<String> malformed = send("POST", "/api/partnerships", "{\"partnerIds\": [", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("type").asString()).isEqualTo("https://decoop.org/problems/malformed-json");

        assertThat(send("GET", "/api/partnerships/no-such-partnership", null, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/partnerships/no-such-partnership/dormancy", "{\"reason\": \"x\"}", null).statusCode())
                .isEqualTo(404);
        assertThat(totalPartnerships()).isEqualTo(before);
        assertThat(recordsMentioning(suresnes)).isEmpty();
    }

    @Test
    void keepsOneLocalAuthorityPerNameAndCountry() throws Exception {
        createLocalAuthority("Kragujevac " + run, "RS", "CITY");

        HttpResponse<String> duplicate = send("POST", "/api/local-authorities",
                "{\"name\": \"  kragujevac %s \", \"country\": \"RS\", \"kind\": \"CITY\"}".formatted(run), null);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(duplicate.body()).get("field").asString()).isEqualTo("name");

        HttpResponse<String> badKind = send("POST", "/api/local-authorities",
                "{\"name\": \"Kragujevac %s\", \"country\": \"RS\", \"kind\": \"TOWN\"}".formatted(run), null);
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badKind.body()).get("field").asString()).isEqualTo("kind");

        assertThat(send("POST", "/api/local-authorities",
                "{\"name\": \"Kragujevac %s\", \"country\": \"FR\", \"kind\": \"CITY\"}".formatted(run), null).statusCode())
                .as("same name, other country").isEqualTo(201);

        JsonNode found = JSON.readTree(send("GET", "/api/local-authorities?country=RS&q=KRAGUJ", null, null).body());
        assertThat(found.get("content").findValuesAsString("name")).contains("Kragujevac " + run);
        assertThat(found.get("page").get("size").asInt()).isEqualTo(20);
    }

    @Test
    void filtersAndPagesPartnerships() throws Exception {
        String gironde = createLocalAuthority("Gironde " + run, "FR", "DEPARTMENT");
        String nis = createLocalAuthority("Niš " + run, "RS", "CITY");
        String arles = createLocalAuthority("Arles " + run, "FR", "CITY");
        String girondeNis = establish(gironde, nis, "AGRICULTURE", "YOUTH");
        String arlesNis = establish(arles, nis, "HERITAGE");
        send("POST", "/api/partnerships/" + arlesNis + "/dormancy", "{\"reason\": \"Quiet\"}", null);

        JsonNode withNis = JSON.readTree(send("GET", "/api/partnerships?localAuthorityId=" + nis, null, null).body());
        assertThat(ids(withNis)).containsExactlyInAnyOrder(girondeNis, arlesNis);
        assertThat(withNis.get("page").get("totalElements").asLong()).isEqualTo(2);

        JsonNode dormantHeritage = JSON.readTree(send("GET",
                "/api/partnerships?status=DORMANT&theme=HERITAGE&country=RS&localAuthorityId=" + nis, null, null).body());
        assertThat(ids(dormantHeritage)).containsExactly(arlesNis);

        JsonNode firstPage = JSON.readTree(send("GET", "/api/partnerships?localAuthorityId=" + nis + "&size=1", null, null).body());
        assertThat(firstPage.get("content").size()).isEqualTo(1);
        assertThat(firstPage.get("page").get("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void reportsHealthMetricsAndItsApi() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode components = JSON.readTree(health.body()).get("components");
        assertThat(components.get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(send("GET", "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/prometheus", null, null).body()).contains("decoop_outbox_published");
        assertThat(send("GET", "/v3/api-docs", null, null).body()).contains("/api/partnerships/{id}/reactivation");
    }

    private static List<String> ids(JsonNode page) {
        return page.get("content").valueStream().map(partnership -> partnership.get("id").asString()).toList();
    }

    private String establish(String first, String second, String... themes) throws IOException, InterruptedException {
        String themeList = String.join("\", \"", themes);
        HttpResponse<String> response = send("POST", "/api/partnerships",
                "{\"partnerIds\": [\"%s\", \"%s\"], \"themes\": [\"%s\"]}".formatted(first, second, themeList), null);
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private String createLocalAuthority(String name, String country, String kind) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/api/local-authorities",
                "{\"name\": \"%s\", \"country\": \"%s\", \"kind\": \"%s\"}".formatted(name, country, kind), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private long totalPartnerships() throws IOException, InterruptedException {
        return JSON.readTree(send("GET", "/api/partnerships", null, null).body()).get("page").get("totalElements").asLong();
    }

    private HttpResponse<String> send(String method, String path, String json, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<ConsumerRecord<String, byte[]>> recordsFor(String key, int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (key.equals(record.key())) {
                    records.add(record);
                }
            });
            assertThat(records).hasSizeGreaterThanOrEqualTo(expected);
        });
        assertThat(records).hasSize(expected);
        return records;
    }

    /** Every record on the topic so far whose payload names {@code text}. */
    private List<ConsumerRecord<String, byte[]>> recordsMentioning(String text) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200));
            return !consumer.assignment().isEmpty();
        });
        consumer.seekToBeginning(consumer.assignment());
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (new String(record.value(), StandardCharsets.UTF_8).contains(text)) {
                    found.add(record);
                }
            });
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
