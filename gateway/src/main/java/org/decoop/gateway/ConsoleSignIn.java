package org.decoop.gateway;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The console's sign-in, the gateway as a backend for frontend: it signs the person in
 * with Keycloak (authorization code with PKCE, as the confidential client of
 * {@link ConsoleProperties}), keeps the tokens in the server-side session (the browser
 * holds an HttpOnly, SameSite=Lax session cookie and no token) and relays the access
 * token to the services ({@link SessionTokenRelayGatewayFilterFactory}). Writes sent with
 * the session cookie need the CSRF token (cookie {@code XSRF-TOKEN}, header
 * {@code X-XSRF-TOKEN}); a request with its own {@code Authorization} header (curl, the
 * bench, the tests) is neither signed in nor checked here, as before: the services check
 * every token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSignIn {

	static final String REGISTRATION_ID = "keycloak";

	static final String CONSOLE = "/console/";

	private static final Log log = LogFactory.getLog(ConsoleSignIn.class);

	private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	/**
	 * The e-mail confirmation page's form, whose link's token is the proof (it needs no
	 * sign-in): a signed-in reader of the e-mail may post it too.
	 */
	private static final PathPattern CONFIRMATION = PathPatternParser.defaultInstance
		.parse("/api/subscriptions/{id}/confirmation");

	@Bean
	ReactiveClientRegistrationRepository consoleClient(ConsoleProperties console) {
		if (console.clientSecret().isBlank()) {
			log.warn("decoop.console.client-secret (DECOOP_CONSOLE_CLIENT_SECRET) is not set: signing in to the "
					+ "console will fail; the APIs work as before");
		}
		// Built here, not from spring.security.oauth2.client.*: Boot would discover the
		// endpoints from the issuer at start-up, and in compose the gateway cannot reach
		// the address the browser and the tokens use.
		ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("Keycloak")
			.clientId(console.clientId())
			.clientSecret(console.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile")
			.issuerUri(console.issuer().toString())
			.authorizationUri(console.authorizationUri())
			.tokenUri(console.tokenUri())
			.jwkSetUri(console.jwkSetUri())
			.userNameAttributeName("preferred_username")
			.providerConfigurationMetadata(Map.of("end_session_endpoint", console.endSessionUri()))
			// PKCE for a confidential client too (Spring adds it to public ones only)
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
			.build();
		return new InMemoryReactiveClientRegistrationRepository(keycloak);
	}

	/**
	 * The tokens live in the person's session, not in a store keyed by user name: signing
	 * out, or the session expiring, forgets them.
	 */
	@Bean
	ServerOAuth2AuthorizedClientRepository sessionTokens() {
		return new WebSessionServerOAuth2AuthorizedClientRepository();
	}

	@Bean
	SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients,
			WebSessionIdResolver sessionIds, GatewayProblems problems) {
		OidcClientInitiatedServerLogoutSuccessHandler signedOut = new OidcClientInitiatedServerLogoutSuccessHandler(
				clients);
		signedOut.setPostLogoutRedirectUri("{baseUrl}" + CONSOLE);
		signedOut.setLogoutSuccessUrl(URI.create(CONSOLE));
		return http
			// the services decide who may do what; the gateway only signs the console in
			.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
			.oauth2Login(
					login -> login.authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler(CONSOLE))
						.authenticationFailureHandler(
								new RedirectServerAuthenticationFailureHandler(CONSOLE + "?sign-in=failed")))
			// POST /logout: forgets the session (and its tokens), then ends Keycloak's
			.logout(logout -> logout.logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
				.logoutSuccessHandler(signedOut))
			.csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
				// the cookie's value as it is: the console's script copies it into the
				// header
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(writesWithTheSessionCookie(sessionIds))
				.accessDeniedHandler((exchange, denied) -> problems.write(exchange, GatewayProblems.problem(
						HttpStatus.FORBIDDEN,
						"A change sent with the console's session needs its CSRF token: the X-XSRF-TOKEN header with the XSRF-TOKEN cookie's value."))))
			.addFilterAfter(csrfCookie(), SecurityWebFiltersOrder.CSRF)
			// nothing is saved for after a sign-in: the console remembers its own page
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			// the services' answers keep their own caching headers
			.headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.build();
	}

	/**
	 * An unsafe method sent with the session cookie and without an {@code Authorization}
	 * header: the only requests the gateway adds a token to, so the only ones another
	 * site could forge.
	 */
	static ServerWebExchangeMatcher writesWithTheSessionCookie(WebSessionIdResolver sessionIds) {
		return exchange -> {
			var request = exchange.getRequest();
			boolean forgeable = !SAFE.contains(request.getMethod())
					&& !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
					&& !CONFIRMATION.matches(request.getPath().pathWithinApplication())
					&& !sessionIds.resolveSessionIds(exchange).isEmpty();
			return forgeable ? MatchResult.match() : MatchResult.notMatch();
		};
	}

	/**
	 * WebFlux makes the CSRF token only when something asks for it: asking for it on the
	 * console's own requests writes the {@code XSRF-TOKEN} cookie its script reads.
	 */
	private static WebFilter csrfCookie() {
		return (exchange, chain) -> {
			if (!exchange.getRequest().getPath().value().startsWith(CONSOLE)) {
				return chain.filter(exchange);
			}
			Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
			return token.then(chain.filter(exchange));
		};
	}

}
