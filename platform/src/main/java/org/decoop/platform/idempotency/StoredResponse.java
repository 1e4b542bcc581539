package org.decoop.platform.idempotency;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The first answer to a command sent with an {@code Idempotency-Key}: its status, the
 * headers a client reads from it, its body.
 */
record StoredResponse(int status, Map<String, List<String>> headers, byte[] body) {

	/**
	 * The headers that belong to the answer itself; the others (trace, security, request
	 * id) are those of the repeat.
	 */
	static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE,
			HttpHeaders.CONTENT_LANGUAGE);

	/** What {@code response} answered, with its body as written. */
	static StoredResponse of(HttpServletResponse response, byte[] body) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : KEPT_HEADERS) {
			List<String> values = List.copyOf(response.getHeaders(name));
			if (!values.isEmpty()) {
				headers.put(name, values);
			}
		}
		return new StoredResponse(response.getStatus(), headers, body);
	}

	/** Answers this again. */
	void writeTo(HttpServletResponse response) throws IOException {
		response.setStatus(status);
		headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
