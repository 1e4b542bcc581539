package org.decoop.platform.idempotency;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.Phrase;

/**
 * An {@code Idempotency-Key} as the draft writes it: a Structured Field string (RFC 8941
 * sf-string: printable ASCII in double quotes, {@code \"} and {@code \\} escaped), e.g.
 * {@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}, of at most {@value #MAX_LENGTH}
 * characters.
 */
record IdempotencyKey(String value) {

	static final String HEADER = "Idempotency-Key";

	static final int MAX_LENGTH = 255;

	private static final Pattern SF_STRING = Pattern
		.compile("\"((?:[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\"\\\\])*)\"");

	private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");

	/**
	 * The key of a request's header lines.
	 * @throws InvalidValue (400) unless there is exactly one line holding one sf-string
	 * of 1 to {@value #MAX_LENGTH} characters
	 */
	static IdempotencyKey of(Enumeration<String> lines) {
		List<String> all = Collections.list(lines);
		if (all.size() != 1) {
			throw new InvalidValue(HEADER, Phrase.of("platform.idempotency-key.one", all.size()));
		}
		// leading and trailing spaces are not part of a structured field
		Matcher matcher = SF_STRING.matcher(all.get(0).strip());
		if (!matcher.matches()) {
			throw new InvalidValue(HEADER, Phrase.of("platform.idempotency-key.form"));
		}
		String value = ESCAPE.matcher(matcher.group(1)).replaceAll("$1");
		if (value.isEmpty() || value.length() > MAX_LENGTH) {
			throw new InvalidValue(HEADER, Phrase.of("platform.idempotency-key.length", MAX_LENGTH));
		}
		return new IdempotencyKey(value);
	}

}
