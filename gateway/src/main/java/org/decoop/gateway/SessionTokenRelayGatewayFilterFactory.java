package org.decoop.gateway;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.TokenRelayGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * {@code SessionTokenRelay}: Spring Cloud Gateway's {@code TokenRelay} for the console's
 * session (its access token as {@code Authorization: Bearer}, refreshed first when it has
 * expired), except on a request that brings its own {@code Authorization} header, which
 * goes on untouched. A session whose tokens can no longer be refreshed (Keycloak's
 * session ended) is forgotten and answered 401, so the console signs the person in again.
 */
@Component
class SessionTokenRelayGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	private final TokenRelayGatewayFilterFactory tokenRelay;

	private final GatewayProblems problems;

	SessionTokenRelayGatewayFilterFactory(TokenRelayGatewayFilterFactory tokenRelay, GatewayProblems problems) {
		super(Object.class);
		this.tokenRelay = tokenRelay;
		this.problems = problems;
	}

	@Override
	public GatewayFilter apply(Object config) {
		GatewayFilter relay = tokenRelay.apply();
		return (exchange, chain) -> {
			if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
				return chain.filter(exchange);
			}
			return relay.filter(exchange, chain)
				.onErrorResume(OAuth2AuthorizationException.class, failure -> sessionEnded(exchange));
		};
	}

	private Mono<Void> sessionEnded(ServerWebExchange exchange) {
		return exchange.getSession()
			.flatMap(WebSession::invalidate)
			.then(problems.write(exchange,
					GatewayProblems.problem(HttpStatus.UNAUTHORIZED, "The session has ended: sign in again.")));
	}

}
