package org.decoop.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.decoop.platform.testing.ServiceScenario;
import org.decoop.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README tour's calls in Serbian and French, over HTTP against the running service: a
 * Serbian town registered in Cyrillic, found and shown in either script, and a 422 in the
 * reader's language.
 */
@ServiceScenario(database = "partnerships-languages-it")
class LanguagesIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String skgo = TestTokens.shared().steward("skgo", "SKGO");

	private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);

	@LocalServerPort
	int port;

	@Test
	void aSerbianTownRegisteredInCyrillicIsFoundAndShownInEitherScript() throws Exception {
		HttpResponse<String> created = send("POST", "/api/local-authorities", "sr-Cyrl", """
				{"code": "RS-SM-%s", "name": "Сремска Митровица %s", "country": "RS", "kind": "CITY"}""".formatted(run,
				run));
		assertThat(created.statusCode()).isEqualTo(201);

		assertThat(names("sr-Cyrl", "mitrovica%20" + run)).isEqualTo("Сремска Митровица " + run);
		assertThat(names("sr-Latn", "%D0%9C%D0%B8%D1%82%D1%80%D0%BE%D0%B2%D0%B8%D1%86%D0%B0%20" + run))
			.as("q in Cyrillic, a reader of Latin")
			.isEqualTo("Sremska Mitrovica " + run);
		assertThat(names("fr", "sremska%20mitrovica%20" + run)).isEqualTo("Sremska Mitrovica " + run);
	}

	@Test
	void theCsvExportNamesEachPartnerInTheReadersScript() throws Exception {
		String serbian = register("sr-Cyrl", "RS-CA-" + run, "Чачак " + run, "RS");
		String french = register("fr", "FR-NE-" + run, "Nevers " + run, "FR");
		assertThat(send("POST", "/api/partnerships", "en",
				"{\"partnerIds\": [\"%s\", \"%s\"], \"themes\": [\"YOUTH\"]}".formatted(serbian, french))
			.statusCode()).isEqualTo(201);

		assertThat(csv("sr-Cyrl", serbian)).contains("Чачак " + run).doesNotContain("Čačak");
		assertThat(csv("sr-Latn", serbian)).contains("Čačak " + run).doesNotContain("Чачак");
		assertThat(csv("en", serbian)).as("English readers get the Latin form").contains("Čačak " + run);
		assertThat(csv("fr", serbian)).contains("Čačak " + run);
	}

	private String register(String language, String code, String name, String country)
			throws IOException, InterruptedException {
		HttpResponse<String> created = send("POST", "/api/local-authorities", language, """
				{"code": "%s", "name": "%s", "country": "%s", "kind": "CITY"}""".formatted(code, name, country));
		assertThat(created.statusCode()).isEqualTo(201);
		return JSON.readTree(created.body()).get("id").asString();
	}

	private String csv(String language, String localAuthorityId) throws IOException, InterruptedException {
		HttpResponse<String> answer = http.send(HttpRequest
			.newBuilder(
					URI.create("http://localhost:" + port + "/api/partnerships?localAuthorityId=" + localAuthorityId))
			.header("Accept", "text/csv")
			.header("Accept-Language", language)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		return answer.body();
	}

	@Test
	void aRefusalSpeaksTheReadersLanguage() throws Exception {
		String search = """
				{"localAuthorityId": "no-such-town", "themes": ["YOUTH"], "countries": ["FR"],
				 "description": "Échanges de jeunes", "openUntil": "2099-01-01"}""";
		HttpResponse<String> cyrillic = send("POST", "/api/partner-searches", "sr-Cyrl", search);
		assertThat(cyrillic.statusCode()).isEqualTo(422);
		assertThat(cyrillic.headers().firstValue("Content-Language")).contains("sr-Cyrl");
		JsonNode problem = JSON.readTree(cyrillic.body());
		assertThat(problem.get("title").asString()).isEqualTo("Садржај није могуће обрадити");
		assertThat(problem.get("field").asString()).isEqualTo("localAuthorityId");
		assertThat(problem.get("detail").asString())
			.isEqualTo("ниједна локална самоуправа нема идентификатор no-such-town");
		assertThat(problem.get("type").asString()).isEqualTo("https://decoop.org/problems/unprocessable");

		HttpResponse<String> french = send("POST", "/api/partner-searches", "fr;q=0.9, en;q=0.5", search);
		assertThat(french.headers().firstValue("Content-Language")).contains("fr");
		assertThat(JSON.readTree(french.body()).get("detail").asString())
			.isEqualTo("aucune collectivité locale n’a l’identifiant no-such-town");
	}

	private String names(String language, String query) throws IOException, InterruptedException {
		HttpResponse<String> answer = send("GET", "/api/local-authorities?country=RS&q=" + query, language, null);
		assertThat(answer.statusCode()).isEqualTo(200);
		return JSON.readTree(answer.body()).get("content").get(0).get("name").asString();
	}

	private HttpResponse<String> send(String method, String path, String language, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Language", language)
			.header("Authorization", "Bearer " + skgo);
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(
				request
					.method(method,
							json == null ? HttpRequest.BodyPublishers.noBody()
									: HttpRequest.BodyPublishers.ofString(json))
					.build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
