package org.decoop.platform.web;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import org.decoop.platform.domain.Phrase;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Says what is wrong with a request body Jackson could not read, in the API's words:
 * malformed JSON, or the path of the field that does not hold what it should
 * ({@code activities[0].funding[1].amountEur}) and what it expected. Jackson's own
 * messages name Java types ({@code java.util.ArrayList<java.lang.String>}), which say
 * nothing to a client and too much about the service.
 */
final class JsonBodyErrors {

	private JsonBodyErrors() {
	}

	/**
	 * What {@code error} says of the body. A number out of its type's range is
	 * well-formed JSON of the wrong value, not malformed JSON.
	 * @param error Jackson's error, or null when the body could not be read for another
	 * reason
	 */
	static BodyError of(JacksonException error) {
		if (error == null || (error instanceof StreamReadException && !(error instanceof InputCoercionException))) {
			return BodyError.MALFORMED;
		}
		return new BodyError(false, pathOf(error), expectation(error));
	}

	/** What a value of {@code type} is called in the API, in the reader's language. */
	static Phrase describeType(Class<?> type) {
		if (type.isEnum()) {
			return Phrase.of("platform.type.one-of",
					Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
		}
		if (type == String.class || type == Character.class || type == char.class) {
			return Phrase.of("platform.type.text");
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class || type == BigInteger.class) {
			return Phrase.of("platform.type.whole-number");
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return Phrase.of("platform.type.number");
		}
		if (type == Boolean.class || type == boolean.class) {
			return Phrase.of("platform.type.boolean");
		}
		if (type == LocalDate.class) {
			return Phrase.of("platform.type.date");
		}
		if (type == Instant.class || type == OffsetDateTime.class) {
			return Phrase.of("platform.type.date-time");
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return Phrase.of("platform.type.array");
		}
		return Phrase.of("platform.type.object");
	}

	private static String pathOf(JacksonException error) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : error.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static Phrase expectation(JacksonException error) {
		if (error instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return Phrase.of("platform.expected", describeType(mismatch.getTargetType()));
		}
		if (error instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
			return Phrase.of("platform.expected.in-range", describeType(coercion.getTargetType()));
		}
		return Phrase.of("platform.value.invalid-here");
	}

	/**
	 * What is wrong with a body: it is not JSON at all ({@code malformed}), or the value
	 * at {@code field} (empty: the body itself) is not what {@code message} says it
	 * should be.
	 */
	record BodyError(boolean malformed, String field, Phrase message) {

		static final BodyError MALFORMED = new BodyError(true, "", Phrase.of("platform.body.malformed"));

	}

}
