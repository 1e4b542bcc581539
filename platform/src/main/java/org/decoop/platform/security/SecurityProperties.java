package org.decoop.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service reads its callers' tokens and which of its paths need a signed-in caller
 * even to read. Claim names are configuration, so another identity provider than Keycloak
 * can be used. Issuer, audience and keys are Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}.
 *
 * @param signedInOnly paths (Spring path patterns) where even a GET needs a token, e.g. a
 * caller's own subscriptions
 */
@ConfigurationProperties("decoop.security")
public record SecurityProperties(@DefaultValue Claims claims, @DefaultValue("steward") String stewardRole,
		@DefaultValue("ops") String opsRole, @DefaultValue List<String> signedInOnly) {

	/**
	 * @param actsFor the claim listing the codes the caller acts for
	 * @param roles the path (dots between names) to the list of roles
	 * @param names the claims tried in order for the name recorded in histories and
	 * signatures
	 * @param clientId a claim only service-account tokens carry (Keycloak's
	 * {@code client_id})
	 */
	public record Claims(@DefaultValue("acts_for") String actsFor, @DefaultValue("realm_access.roles") String roles,
			@DefaultValue( {
					"name", "preferred_username" }) List<String> names,
			@DefaultValue("client_id") String clientId){
	}
}
