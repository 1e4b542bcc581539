package org.decoop.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the seed story through the public HTTP APIs only, and only what is not there yet, so
 * that running it twice duplicates nothing: the local authorities and the five partnerships
 * named by the French Embassy's pages (Nevers – Sremska Mitrovica put to dormancy), the 2020
 * action plan between the Embassy and SKGO as a DRAFT, and an inbox for every event.
 * The funding amounts are illustrative, not the real ones.
 */
final class Demo {

    static final String INBOX_SUBSCRIBER = "decoop demo";
    static final String PLAN_TITLE = "Akcioni plan 2020";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final StackOptions options;
    private final HttpClient http = HttpClient.newHttpClient();

    Demo(StackOptions options) {
        this.options = options;
    }

    /** The ids of what the demo made or found. */
    record Loaded(Map<String, String> partnerships, String planId, String inboxId) {
    }

    Loaded load() throws IOException, InterruptedException {
        String inbox = inbox();
        Map<String, String> authorities = new LinkedHashMap<>();
        for (String[] authority : List.of(
                new String[] { "Suresnes", "FR", "CITY" }, new String[] { "Kragujevac", "RS", "CITY" },
                new String[] { "Nevers", "FR", "CITY" }, new String[] { "Sremska Mitrovica", "RS", "CITY" },
                new String[] { "Gironde", "FR", "DEPARTMENT" }, new String[] { "Niš", "RS", "CITY" },
                new String[] { "Vojvodina", "RS", "PROVINCE" }, new String[] { "Val d'Oise", "FR", "DEPARTMENT" },
                new String[] { "Arles", "FR", "CITY" })) {
            authorities.put(authority[0], localAuthority(authority[0], authority[1], authority[2]));
        }
        Map<String, String> partnerships = new LinkedHashMap<>();
        partnerships.put("Suresnes – Kragujevac", partnership(authorities.get("Suresnes"), authorities.get("Kragujevac"),
                List.of("CULTURE", "EDUCATION", "LOCAL_ECONOMIC_DEVELOPMENT")));
        partnerships.put("Nevers – Sremska Mitrovica", partnership(authorities.get("Nevers"), authorities.get("Sremska Mitrovica"),
                List.of("CULTURE", "YOUTH")));
        partnerships.put("Gironde – Niš", partnership(authorities.get("Gironde"), authorities.get("Niš"), List.of("AGRICULTURE", "YOUTH")));
        partnerships.put("Vojvodina – Val d'Oise", partnership(authorities.get("Vojvodina"), authorities.get("Val d'Oise"),
                List.of("LOCAL_ECONOMIC_DEVELOPMENT")));
        partnerships.put("Arles – Niš", partnership(authorities.get("Arles"), authorities.get("Niš"), List.of("HERITAGE")));
        putToDormancyOnce(partnerships.get("Nevers – Sremska Mitrovica"));
        String plan = plan2020(partnerships);
        String status = get(url(options.planPort()) + "/api/plans/" + plan).get("status").asString();
        LocalStack.log("demo loaded: %d partnerships, plan %s (%s), inbox %s", partnerships.size(), plan, status, inbox);
        LocalStack.log("see it: curl -s %s/api/subscriptions/%s/notifications | jq '.content[].summary'", url(options.notificationPort()), inbox);
        return new Loaded(partnerships, plan, inbox);
    }

    private String inbox() throws IOException, InterruptedException {
        String base = url(options.notificationPort()) + "/api/subscriptions";
        JsonNode existing = get(base + "?subscriber=" + encode(INBOX_SUBSCRIBER)).get("content");
        if (existing.size() > 0) {
            return existing.get(0).get("id").asString();
        }
        return post(base, "{\"subscriber\": \"%s\", \"channel\": \"INBOX\"}".formatted(INBOX_SUBSCRIBER)).get("id").asString();
    }

    private String localAuthority(String name, String country, String kind) throws IOException, InterruptedException {
        String base = url(options.partnershipPort()) + "/api/local-authorities";
        for (JsonNode found : get(base + "?country=" + country + "&q=" + encode(name) + "&size=200").get("content")) {
            if (found.get("name").asString().equals(name)) {
                return found.get("id").asString();
            }
        }
        ObjectNode body = JSON.createObjectNode().put("name", name).put("country", country).put("kind", kind);
        return post(base, body.toString()).get("id").asString();
    }

    private String partnership(String first, String second, List<String> themes) throws IOException, InterruptedException {
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
        return post(base, body.toString()).get("id").asString();
    }

    /** The article's example of a dormant partnership restarting: dormant until the plan is signed. */
    private void putToDormancyOnce(String partnershipId) throws IOException, InterruptedException {
        JsonNode partnership = get(url(options.partnershipPort()) + "/api/partnerships/" + partnershipId);
        boolean everDormant = partnership.get("history").valueStream().anyMatch(h -> h.get("status").asString().equals("DORMANT"));
        if (!everDormant && partnership.get("status").asString().equals("ACTIVE")) {
            post(url(options.partnershipPort()) + "/api/partnerships/" + partnershipId + "/dormancy",
                    "{\"reason\": \"Inactive for several years\"}");
        }
    }

    private String plan2020(Map<String, String> partnerships) throws IOException, InterruptedException {
        String base = url(options.planPort()) + "/api/plans";
        for (JsonNode found : get(base + "?year=2020&size=200").get("content")) {
            if (found.get("title").asString().equals(PLAN_TITLE) && !found.get("status").asString().equals("CANCELLED")) {
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
                    "partnershipIds": ["%s"], "funding": [{"source": "FRENCH_MFA", "amountEur": 15000}]},
                   {"title": "Suresnes – Kragujevac: local economic development", "theme": "LOCAL_ECONOMIC_DEVELOPMENT",
                    "partnershipIds": ["%s"], "funding": [{"source": "EU_CALL", "amountEur": 40000}, {"source": "LOCAL_BUDGET", "amountEur": 10000}]},
                   {"title": "Gironde – Niš: young farmers", "theme": "YOUTH",
                    "partnershipIds": ["%s"], "funding": [{"source": "FRENCH_MFA", "amountEur": 8000}]}]}"""
                .formatted(PLAN_TITLE, partnerships.get("Nevers – Sremska Mitrovica"), partnerships.get("Suresnes – Kragujevac"),
                        partnerships.get("Gironde – Niš"));
        // plan-service learns the partnerships from Kafka: until it has, they are unknown to it (422).
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            if (response.statusCode() == 201) {
                return JSON.readTree(response.body()).get("id").asString();
            }
            if (response.statusCode() != 422 || System.nanoTime() > deadline) {
                throw new IllegalStateException("Drafting the 2020 plan failed: " + response.statusCode() + " " + response.body());
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private JsonNode post(String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
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
