package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm the stack and compose import: what the system test cannot show from this machine (plain HTTP is
 * refused only from outside it), and the settings it relies on, as a reviewer reads them.
 */
class RealmFileTest {

    @Test
    void asksForTlsFromOutsideLocksOutGuessersAndGivesNoRoleByDefault() throws IOException {
        JsonNode realm;
        try (InputStream in = RealmFileTest.class.getClassLoader().getResourceAsStream("keycloak/decoop-realm.json")) {
            realm = JsonMapper.builder().build().readTree(in);
        }

        assertThat(realm.get("sslRequired").asString()).isEqualTo("external");
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("permanentLockout").asBoolean()).as("a temporary lock: no denial of service by guessing").isFalse();
        String defaultRole = realm.get("defaultRole").get("name").asString();
        assertThat(realm.get("roles").get("realm").valueStream().filter(role -> role.get("name").asString().equals(defaultRole)))
                .singleElement().satisfies(role -> assertThat(role.path("composite").asBoolean()).as("no offline_access").isFalse());
        assertThat(realm.get("clients").valueStream().flatMap(client -> client.path("redirectUris").valueStream()).toList())
                .isNotEmpty().allSatisfy(uri -> assertThat(uri.asString()).doesNotContain("*"));
    }
}
