package org.decoop.platform.security;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The access rules every service shares (DESIGN.md "Identity and access"): reading the
 * API is open data, every write needs a bearer token, the paths a service lists in
 * {@code decoop.security.signed-in-only} need one even to read; health and info are
 * public, the rest of the actuator is for {@code ops}. Who may change WHAT is decided by
 * the domain with the caller's {@link org.decoop.platform.domain.Actor}, because it
 * depends on the resource (its partners, its parties, its owner).
 */
public final class ApiSecurity {

	private ApiSecurity() {
	}

	public static SecurityFilterChain filterChain(HttpSecurity http, SecurityProperties properties, Callers callers)
			throws Exception {
		ProblemResponses problems = new ProblemResponses();
		JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
		authentication.setJwtGrantedAuthoritiesConverter(jwt -> Callers.authorities(callers.roles(jwt))
			.stream()
			.<GrantedAuthority>map(SimpleGrantedAuthority::new)
			.toList());
		List<String> signedInOnly = properties.signedInOnly();
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.requireExplicitSave(true))
			.authorizeHttpRequests(requests -> {
				requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
				requests.requestMatchers("/actuator/**").hasRole(properties.opsRole());
				requests.requestMatchers("/api/ops/**").hasRole(properties.opsRole());
				if (!signedInOnly.isEmpty()) {
					requests.requestMatchers(signedInOnly.toArray(String[]::new)).authenticated();
				}
				requests.requestMatchers(HttpMethod.GET, "/api/**").permitAll();
				requests.requestMatchers(HttpMethod.HEAD, "/api/**").permitAll();
				requests.requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll();
				requests.requestMatchers("/api/**").authenticated();
				// the rest (/error, unknown paths) reads nothing and writes nothing: its
				// own answer, usually 404
				requests.anyRequest().permitAll();
			})
			.oauth2ResourceServer(
					resourceServer -> resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

}
