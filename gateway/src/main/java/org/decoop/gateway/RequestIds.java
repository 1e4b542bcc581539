package org.decoop.gateway;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Every request gets an {@code X-Request-Id} (the caller's, or a new one when it sent
 * none): the service receives it and the caller gets it back, also on the gateway's own
 * errors, so that one id names the request in both their logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds implements WebFilter {

	static final String HEADER = "X-Request-Id";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = StringUtils.hasText(given) ? given : UUID.randomUUID().toString();
		ServerWebExchange identified = StringUtils.hasText(given) ? exchange
				: exchange.mutate().request(request -> request.header(HEADER, id)).build();
		// set when the answer is written: the service's copy of the header, if it sends
		// one, is replaced rather than doubled
		identified.getResponse().beforeCommit(() -> {
			identified.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		return chain.filter(identified);
	}

}
