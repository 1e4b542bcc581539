package org.decoop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.decoop.events.Theme;
import org.decoop.platform.domain.Phrase;
import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson's errors reading a body, in the API's words: the field's path and what it
 * expected, never a Java type.
 */
class JsonBodyErrorsTest {

	private final JsonMapper mapper = strictMapper();

	record Line(BigDecimal amountEur, LocalDate on) {
	}

	record Request(String title, int year, Theme theme, List<Line> lines) {
	}

	@Test
	void callsABodyThatIsNotJsonMalformed() {
		assertThat(errorOf("{\"title\": ")).isEqualTo(JsonBodyErrors.BodyError.MALFORMED);
		assertThat(JsonBodyErrors.of(null).malformed()).as("no Jackson error at all").isTrue();
	}

	@Test
	void namesTheNestedFieldOfAMistypedValueWithWhatItExpected() {
		JsonBodyErrors.BodyError error = errorOf("{\"lines\": [{\"on\": \"2020-01-01\"}, {\"on\": \"soon\"}]}");

		assertThat(inEnglish(error)).isEqualTo(english(false, "lines[1].on", "expected a date (YYYY-MM-DD)"));
	}

	@Test
	void listsTheNamesAnEnumTakes() {
		assertThat(errorOf("{\"theme\": \"youth\"}").message().english()).startsWith("expected one of ")
			.contains("YOUTH")
			.doesNotContain("org.decoop");
	}

	@Test
	void takesANumberOutOfItsRangeForAWrongValueNotForMalformedJson() {
		assertThat(inEnglish(errorOf("{\"year\": 99999999999}")))
			.isEqualTo(english(false, "year", "expected a whole number within its range"));
	}

	@Test
	void saysAMissingValueIsTheTypeTheFieldTakes() {
		assertThat(inEnglish(errorOf("{\"year\": null}"))).isEqualTo(english(false, "year", "expected a whole number"));
		assertThat(inEnglish(errorOf("{\"lines\": {}}"))).isEqualTo(english(false, "lines", "expected an array"));
	}

	@Test
	void namesAnUnknownFieldWhenTheMapperRefusesThem() {
		JsonBodyErrors.BodyError error = errorOf("{\"lines\": [{\"amountEur\": 1, \"currency\": \"EUR\"}]}");

		assertThat(error.malformed()).isFalse();
		assertThat(error.field()).isEqualTo("lines[0].currency");
		assertThat(error.message().english()).doesNotContain("java.");
	}

	@Test
	void describesTypesInTheApisWords() {
		assertThat(english(JsonBodyErrors.describeType(String.class))).isEqualTo("a text");
		assertThat(english(JsonBodyErrors.describeType(long.class))).isEqualTo("a whole number");
		assertThat(english(JsonBodyErrors.describeType(BigDecimal.class))).isEqualTo("a number");
		assertThat(english(JsonBodyErrors.describeType(Boolean.class))).isEqualTo("true or false");
		assertThat(english(JsonBodyErrors.describeType(List.class))).isEqualTo("an array");
		assertThat(english(JsonBodyErrors.describeType(Line.class))).isEqualTo("an object");
	}

	private static Said english(boolean malformed, String field, String message) {
		return new Said(malformed, field, message);
	}

	private static Said inEnglish(JsonBodyErrors.BodyError error) {
		return new Said(error.malformed(), error.field(), error.message().english());
	}

	private static String english(Phrase phrase) {
		return phrase.english();
	}

	/** A body error as said in English. */
	record Said(boolean malformed, String field, String message) {
	}

	private JsonBodyErrors.BodyError errorOf(String body) {
		return JsonBodyErrors
			.of(catchThrowableOfType(JacksonException.class, () -> mapper.readValue(body, Request.class)));
	}

	private static JsonMapper strictMapper() {
		JsonMapper.Builder builder = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
		new StrictJson().customize(builder);
		return builder.build();
	}

}
