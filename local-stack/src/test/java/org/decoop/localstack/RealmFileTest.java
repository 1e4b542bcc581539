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

}
