package org.decoop.gateway;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The gateway's own failures as RFC 9457 problem details, whatever the caller accepts
 * (never Boot's HTML error page): no instance of the service is up (503), none could be
 * reached (502), the service did not answer in time (504), no route (404). Answers of the
 * services themselves pass through untouched.
 */
@Component
// before Boot's error handler (-1), which would answer a browser with HTML
@Order(-2)
class GatewayProblems implements WebExceptionHandler {

	private static final Log log = LogFactory.getLog(GatewayProblems.class);

	/**
	 * The services' own base (platform's ProblemDetailsAdvice), for one family of types.
	 */
	private static final String TYPE_BASE = "https://decoop.org/problems/";

	private static final Map<HttpStatus, String> SLUGS = Map.of(HttpStatus.SERVICE_UNAVAILABLE, "no-instance",
			HttpStatus.BAD_GATEWAY, "instance-unreachable", HttpStatus.GATEWAY_TIMEOUT, "instance-timeout",
			HttpStatus.NOT_FOUND, "not-found", HttpStatus.UNAUTHORIZED, "unauthorized", HttpStatus.FORBIDDEN,
			"forbidden");

	private final JsonMapper json;

	GatewayProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			// a stream cut off after its first bytes: nothing can be said any more
			return Mono.error(failure);
		}
		return write(exchange, problemFor(failure));
	}

	/** Answers {@code exchange} with {@code problem}, as the services write theirs. */
	Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		Map<String, Object> members = members(problem, exchange.getRequest().getPath().value());
		DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(members));
		return response.writeWith(Mono.just(body));
	}

	/** The members RFC 9457 names, as the services write them. */
	static Map<String, Object> members(ProblemDetail problem, String instance) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", String.valueOf(problem.getType()));
		members.put("title", String.valueOf(problem.getTitle()));
		members.put("status", problem.getStatus());
		members.put("detail", String.valueOf(problem.getDetail()));
		members.put("instance", instance);
		return members;
	}

	static ProblemDetail problemFor(Throwable failure) {
		if (failure instanceof NotFoundException) {
			// the load balancer has no instance that is up
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "No instance of this service is up; try again shortly.");
		}
		if (failure instanceof ResponseStatusException status) {
			HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
			if (code == HttpStatus.GATEWAY_TIMEOUT) {
				return problem(code, "The service did not answer in time; the request may have been applied.");
			}
			if (code != null && code.is4xxClientError()) {
				return problem(code, code == HttpStatus.NOT_FOUND ? "No API at this path." : code.getReasonPhrase());
			}
		}
		if (causedBy(failure, ConnectException.class) || causedBy(failure, NoRouteToHostException.class)
				|| causedBy(failure, UnknownHostException.class)) {
			return problem(HttpStatus.BAD_GATEWAY,
					"No instance of this service could be reached; the request was not applied.");
		}
		if (causedBy(failure, TimeoutException.class)) {
			return problem(HttpStatus.GATEWAY_TIMEOUT,
					"The service did not answer in time; the request may have been applied.");
		}
		log.warn("Request failed in the gateway", failure);
		return problem(HttpStatus.BAD_GATEWAY, "The service's answer could not be passed on.");
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + SLUGS.getOrDefault(status, "gateway")));
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

}
