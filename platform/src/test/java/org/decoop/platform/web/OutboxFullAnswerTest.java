package org.decoop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.decoop.platform.outbox.OutboxFull;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A command refused because its aggregate's outbox is full is a 503 the client may retry,
 * not a 500.
 */
class OutboxFullAnswerTest {

	@Test
	void answersServiceUnavailableWithRetryAfter() {
		ResponseEntity<Object> answer = new ProblemDetailsAdvice().handleOutboxFull(new OutboxFull("full"),
				new ServletWebRequest(new MockHttpServletRequest()));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
		assertThat(answer.getBody()).isInstanceOfSatisfying(ProblemDetail.class,
				problem -> assertThat(problem.getType().toString()).endsWith("outbox-full"));
	}

}
