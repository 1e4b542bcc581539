package org.decoop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;

import org.decoop.platform.domain.InvalidValue;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/** The guard checks parameters as written, from the very first request a handler gets. */
class ApiRequestGuardTest {

	private final ApiRequestGuard guard = new ApiRequestGuard();

	enum Status {

		ACTIVE, DORMANT

	}

	static class Lists {

		void search(@RequestParam(required = false) Status status, @RequestParam(defaultValue = "0") int page) {
		}

	}

	@Test
	void refusesALenientNumberOnAHandlersFirstCall() throws Exception {
		assertThatThrownBy(
				() -> guard.preHandle(request("page", "0x10"), new MockHttpServletResponse(), freshHandler()))
			.isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field().orElseThrow()).hasToString("page"));
		assertThatThrownBy(
				() -> guard.preHandle(request("status", " ACTIVE"), new MockHttpServletResponse(), freshHandler()))
			.isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field().orElseThrow()).hasToString("status"));
	}

	@Test
	void takesAnEmptyValueAsAbsentAndATabAsText() {
		assertThatCode(() -> guard.preHandle(request("page", ""), new MockHttpServletResponse(), freshHandler()))
			.doesNotThrowAnyException();
		assertThatCode(() -> guard.preHandle(request("subscriber", "SKGO\tcoordinator"), new MockHttpServletResponse(),
				freshHandler()))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> guard.preHandle(request("subscriber", "SKGO\u0000"), new MockHttpServletResponse(),
				freshHandler()))
			.isInstanceOf(InvalidValue.class);
	}

	static class Commands {

		void cancel(@RequestBody(required = false) String reason) {
		}

	}

	@Test
	void refusesAWildcardOrMalformedContentTypeEvenWithoutABodyAndTakesAnyOtherOne() throws Exception {
		HandlerMethod cancel = new HandlerMethod(new Commands(),
				Commands.class.getDeclaredMethod("cancel", String.class));
		for (String unusable : new String[] { "application/*", "*/*", "not a type" }) {
			MockHttpServletRequest empty = new MockHttpServletRequest("POST", "/api/things/1/cancellation");
			empty.setContentType(unusable);
			assertThatThrownBy(() -> guard.preHandle(empty, new MockHttpServletResponse(), cancel)).as(unusable)
				.isInstanceOf(ApiRequestGuard.UnsupportedBody.class);
		}
		for (String harmless : new String[] { null, "text/plain", "application/json" }) {
			MockHttpServletRequest empty = new MockHttpServletRequest("POST", "/api/things/1/cancellation");
			empty.setContentType(harmless);
			assertThatCode(() -> guard.preHandle(empty, new MockHttpServletResponse(), cancel))
				.as(String.valueOf(harmless))
				.doesNotThrowAnyException();
		}
	}

	private static MockHttpServletRequest request(String name, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
		request.addParameter(name, value);
		return request;
	}

	/** A handler as Spring makes it, before any call discovered its parameter names. */
	private static HandlerMethod freshHandler() throws NoSuchMethodException {
		Method search = Lists.class.getDeclaredMethod("search", Status.class, int.class);
		return new HandlerMethod(new Lists(), search);
	}

}
