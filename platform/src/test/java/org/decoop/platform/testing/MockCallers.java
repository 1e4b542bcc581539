package org.decoop.platform.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * Signed-in callers for web slices (Spring Security's {@code jwt()} test support): the
 * token's claims shaped like the decoop realm's, so the services read them as they read
 * Keycloak's.
 */
public final class MockCallers {

	private MockCallers() {
	}

	/** A user acting for these codes, e.g. {@code user("nevers", "FR-NEVERS")}. */
	public static JwtRequestPostProcessor user(String username, String... actsFor) {
		return caller(username, List.of(), actsFor);
	}

	/** A steward (the Embassy, SKGO) acting for these codes. */
	public static JwtRequestPostProcessor steward(String username, String... actsFor) {
		return caller(username, List.of("steward"), actsFor);
	}

	private static JwtRequestPostProcessor caller(String username, List<String> roles, String... actsFor) {
		return jwt()
			.jwt(token -> token.subject(TestTokens.subjectOf(username))
				.claim("preferred_username", username)
				.claim("acts_for", List.of(actsFor))
				.claim("realm_access", Map.of("roles", roles)))
			.authorities(roles.stream()
				.map(role -> new SimpleGrantedAuthority("ROLE_" + role))
				.toArray(SimpleGrantedAuthority[]::new));
	}

}
