package org.decoop.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problem details, like every other refusal of the API. Spring
 * Security's bearer-token handlers still write the {@code WWW-Authenticate: Bearer ...}
 * header (RFC 6750), with the reason a token was refused; this adds the body they leave
 * empty. A request the firewall refuses (a NUL in a parameter name, an encoded slash) is
 * a 400 like any other bad input.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		bearerEntryPoint.commence(request, response, exception);
		String authorization = request.getHeader("Authorization");
		boolean tokenSent = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", tokenSent
				? "The bearer token was refused: it is malformed, expired, or not signed by this API's issuer for this API"
				: "Sign in: this needs a bearer token (Authorization: Bearer <access token>)");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		bearerDenied.handle(request, response, exception);
		write(request, response, HttpStatus.FORBIDDEN, "forbidden", "The token does not allow this");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException exception)
			throws IOException {
		write(request, response, HttpStatus.BAD_REQUEST, "validation", "The request's URL is not acceptable: "
				+ "it holds characters or sequences that are refused in paths and parameter names");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "https://decoop.org/problems/" + slug);
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
