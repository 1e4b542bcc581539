package org.decoop.gateway;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's sign-in: the gateway is the confidential client {@code clientId} of a
 * Keycloak realm. {@code issuer} is the realm as the browser reaches it and as its tokens
 * name it ({@code iss}); {@code backChannel} is the same realm as the gateway reaches it
 * (Keycloak's address inside compose's network), the issuer when not given. The endpoints
 * follow Keycloak's layout under the realm; nothing is discovered at start-up, so the
 * gateway starts without Keycloak.
 *
 * @param clientId the client's id in the realm
 * @param clientSecret its secret ({@code DECOOP_CONSOLE_CLIENT_SECRET}); none by default,
 * the stack and compose give it
 * @param issuer the realm's public address, e.g.
 * {@code http://localhost:8180/realms/decoop}
 * @param backChannel the realm's address from the gateway, when it differs
 */
@ConfigurationProperties("decoop.console")
record ConsoleProperties(String clientId, String clientSecret, URI issuer, @Nullable URI backChannel) {

	private static final String OIDC = "/protocol/openid-connect/";

	/** Where the browser signs in. */
	String authorizationUri() {
		return issuer + OIDC + "auth";
	}

	/** Where the browser signs out (RP-initiated logout). */
	String endSessionUri() {
		return issuer + OIDC + "logout";
	}

	/** Where the gateway exchanges a code or a refresh token for tokens. */
	String tokenUri() {
		return realmFromGateway() + OIDC + "token";
	}

	/** Where the gateway reads the keys that sign the ID tokens. */
	String jwkSetUri() {
		return realmFromGateway() + OIDC + "certs";
	}

	private URI realmFromGateway() {
		return backChannel != null ? backChannel : issuer;
	}

}
