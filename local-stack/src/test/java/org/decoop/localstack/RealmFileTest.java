package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm the stack and compose import: what the system test cannot show from this
 * machine (plain HTTP is refused only from outside it), and the settings it relies on, as
 * a reviewer reads them.
 */
class RealmFileTest {

	@Test
	void asksForTlsFromOutsideLocksOutGuessersAndLetsNoClientAskForOfflineTokens() throws IOException {
		JsonNode realm;
		try (InputStream in = RealmFileTest.class.getClassLoader().getResourceAsStream("keycloak/decoop-realm.json")) {
			realm = JsonMapper.builder().build().readTree(in);
		}

		assertThat(realm.get("sslRequired").asString()).isEqualTo("external");
		assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
		assertThat(realm.get("permanentLockout").asBoolean()).as("a temporary lock: no denial of service by guessing")
			.isFalse();
		// Keycloak makes offline_access a default role at import whatever the file says:
		// the clients keep it out
		assertThat(realm.get("clients").valueStream()).isNotEmpty().allSatisfy(client -> {
			assertThat(client.get("fullScopeAllowed").asBoolean()).as("only the roles the services read").isFalse();
			assertThat(client.get("optionalClientScopes").valueStream().map(JsonNode::asString))
				.doesNotContain("offline_access");
			assertThat(client.get("defaultClientScopes").valueStream().map(JsonNode::asString))
				.doesNotContain("offline_access");
		});
		assertThat(realm.get("scopeMappings")
			.valueStream()
			.flatMap(mapping -> mapping.get("roles").valueStream())
			.map(JsonNode::asString)
			.distinct()).containsExactlyInAnyOrder("steward", "ops");
		assertThat(realm.get("clients")
			.valueStream()
			.flatMap(client -> client.path("redirectUris").valueStream())
			.toList()).isNotEmpty().allSatisfy(uri -> assertThat(uri.asString()).doesNotContain("*"));
	}

	@Test
	void theConsolesClientIsConfidentialWithPkceAndItsSecretAndAddressComeFromWhoImportsIt() throws IOException {
		String template;
		try (InputStream in = RealmFileTest.class.getClassLoader().getResourceAsStream("keycloak/decoop-realm.json")) {
			template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		JsonMapper json = JsonMapper.builder().build();
		JsonNode console = console(json.readTree(template));
		assertThat(console.get("publicClient").asBoolean()).isFalse();
		assertThat(console.get("directAccessGrantsEnabled").asBoolean()).isFalse();
		assertThat(console.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
		// no secret in the repository: compose's Keycloak reads it from its environment
		assertThat(console.get("secret").asString()).isEqualTo("${DECOOP_CONSOLE_CLIENT_SECRET}");

		JsonNode imported = console(json.readTree(Keycloak.realmFor(template, "s3cret", "http://localhost:18080")));
		assertThat(imported.get("secret").asString()).isEqualTo("s3cret");
		assertThat(imported.get("redirectUris").valueStream().map(JsonNode::asString))
			.containsExactly("http://localhost:18080/login/oauth2/code/keycloak");
		assertThat(imported.get("attributes").get("post.logout.redirect.uris").asString())
			.isEqualTo("http://localhost:18080/console/");
	}

	private static JsonNode console(JsonNode realm) {
		return realm.get("clients")
			.valueStream()
			.filter(client -> client.get("clientId").asString().equals("decoop-console"))
			.findFirst()
			.orElseThrow();
	}

}
