package org.decoop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 speak the request's language like every other problem: title and detail,
 * with {@code Content-Language}; the type and the {@code WWW-Authenticate} challenge stay
 * the same.
 */
class ProblemResponsesTest {

	private final ProblemResponses problems = new ProblemResponses();

	@Test
	void asksToSignInInTheReadersLanguage() throws Exception {
		MockHttpServletResponse french = new MockHttpServletResponse();
		problems.commence(request("fr"), french, new InsufficientAuthenticationException("no token"));
		JsonNode body = problem(french, 401, "fr");
		assertThat(french.getHeader("WWW-Authenticate")).startsWith("Bearer");
		assertThat(body.get("type").asString()).isEqualTo("https://decoop.org/problems/unauthorized");
		assertThat(body.get("title").asString()).isEqualTo("Authentification requise");
		assertThat(body.get("detail").asString()).startsWith("Connectez-vous : il faut un jeton porteur");

		MockHttpServletResponse english = new MockHttpServletResponse();
		problems.commence(request(null), english, new InsufficientAuthenticationException("no token"));
		assertThat(english.getContentAsString()).contains("Sign in: this needs a bearer token");
		assertThat(english.getHeader("Content-Language")).isEqualTo("en");
	}

	@Test
	void refusesInTheReadersLanguage() throws Exception {
		MockHttpServletResponse serbian = new MockHttpServletResponse();
		problems.handle(request("sr-Latn"), serbian, new AccessDeniedException("no role"));
		JsonNode body = problem(serbian, 403, "sr-Latn");
		assertThat(body.get("type").asString()).isEqualTo("https://decoop.org/problems/forbidden");
		assertThat(body.get("detail").asString()).isEqualTo("Token ne dozvoljava ovo");

		MockHttpServletResponse cyrillic = new MockHttpServletResponse();
		problems.handle(request("sr"), cyrillic, new AccessDeniedException("no role"));
		assertThat(JsonMapper.builder().build().readTree(cyrillic.getContentAsByteArray()).get("detail").asString())
			.isEqualTo("Токен не дозвољава ово");
	}

	/** The problem's body, once its status and its language are the ones expected. */
	private static JsonNode problem(MockHttpServletResponse response, int status, String language) {
		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(response.getHeader("Content-Language")).isEqualTo(language);
		return JsonMapper.builder().build().readTree(response.getContentAsByteArray());
	}

	private static MockHttpServletRequest request(String acceptLanguage) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/plans");
		if (acceptLanguage != null) {
			request.addHeader("Accept-Language", acceptLanguage);
		}
		return request;
	}

}
