package org.decoop.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.decoop.platform.i18n.LanguageMessageSource;
import org.decoop.platform.i18n.Languages;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
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
 * a 400 like any other bad input. Title and detail are in the request's language, like
 * the services' other problems.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	private final JsonMapper json = JsonMapper.builder().build();

	private final MessageSource messages;

	/**
	 * With the bundles of the class path (the same the services' message source reads).
	 */
	ProblemResponses() {
		this(LanguageMessageSource.fromClassPath());
	}

	ProblemResponses(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		bearerEntryPoint.commence(request, response, exception);
		String authorization = request.getHeader("Authorization");
		boolean tokenSent = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "platform.title.401",
				tokenSent ? "platform.unauthorized.token-refused" : "platform.unauthorized.sign-in");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		bearerDenied.handle(request, response, exception);
		write(request, response, HttpStatus.FORBIDDEN, "forbidden", "platform.title.403", "platform.forbidden");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException exception)
			throws IOException {
		write(request, response, HttpStatus.BAD_REQUEST, "validation", "platform.title.400", "platform.url.refused");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
			String title, String detail) throws IOException {
		Locale language = Languages.negotiate(request.getHeaders(HttpHeaders.ACCEPT_LANGUAGE));
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "https://decoop.org/problems/" + slug);
		problem.put("title", messages.getMessage(title, null, language));
		problem.put("status", status.value());
		problem.put("detail", messages.getMessage(detail, null, language));
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
