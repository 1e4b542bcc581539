package org.decoop.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.decoop.platform.domain.Actor;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.jspecify.annotations.Nullable;

/**
 * The caller of the current request as the domain sees it ({@link Actor}), read from its
 * validated token; outside a request (a consumer, a scheduled job) the service itself.
 */
public class Callers {

	private final SecurityProperties properties;

	private final Actor system;

	public Callers(SecurityProperties properties, String serviceName) {
		this.properties = properties;
		this.system = Actor.system(serviceName);
	}

	/**
	 * The signed-in caller. Only reached behind the filter chain, which lets no anonymous
	 * write through; an anonymous caller that got here anyway is refused, never taken for
	 * the system.
	 */
	public Actor current() {
		return signedIn().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("a token is needed"));
	}

	/** The caller, when signed in; reading the open data needs no token. */
	public Optional<Actor> signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof JwtAuthenticationToken token ? Optional.of(of(token.getToken()))
				: Optional.empty();
	}

	/**
	 * Who caused the events written now: the signed-in caller; outside any request (a
	 * consumer, a scheduled job) the service itself. A request without a token never
	 * counts as the service.
	 */
	public Actor currentOrSystem() {
		if (RequestContextHolder.getRequestAttributes() != null) {
			return current();
		}
		return signedIn().orElse(system);
	}

	public Actor system() {
		return system;
	}

	/** The caller a token describes, with the claim names of the configuration. */
	public Actor of(Jwt jwt) {
		SecurityProperties.Claims claims = properties.claims();
		String name = claims.names()
			.stream()
			.map(jwt::getClaimAsString)
			.filter(value -> value != null && !value.isBlank())
			.findFirst()
			.orElse(jwt.getSubject());
		Actor.Kind kind = jwt.hasClaim(claims.clientId()) ? Actor.Kind.SERVICE_ACCOUNT : Actor.Kind.USER;
		return new Actor(kind, jwt.getSubject(), name, strings(jwt.getClaim(claims.actsFor())),
				roles(jwt).contains(properties.stewardRole()));
	}

	/** The roles at the configured path, e.g. {@code realm_access.roles}. */
	Set<String> roles(Jwt jwt) {
		Object value = jwt.getClaims();
		for (String step : properties.claims().roles().split("\\.")) {
			value = value instanceof Map<?, ?> map ? map.get(step) : null;
		}
		return strings(value);
	}

	/** A claim holding one string or a list of strings; anything else grants nothing. */
	private static Set<String> strings(@Nullable Object claim) {
		Set<String> values = new LinkedHashSet<>();
		if (claim instanceof String single) {
			values.add(single);
		}
		else if (claim instanceof Collection<?> many) {
			many.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
		}
		return values.isEmpty() ? Set.of() : Set.copyOf(values);
	}

	static List<String> authorities(Set<String> roles) {
		return roles.stream().map(role -> "ROLE_" + role).toList();
	}

}
