package org.decoop.events.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract gate on fixture pairs under {@code src/test/resources/compatibility/}:
 * each {@code breaking/<case>} breaks one rule, each {@code compatible/<case>} is a
 * change consumers survive. Every case has a {@code released/} and a {@code current/}
 * directory of schemas.
 */
class SchemaCompatibilityTest {

	static Stream<Arguments> breakingChanges() {
		return Stream.of(arguments("field-removed", List.of("FIELD_REMOVED Sample $.since")),
				arguments("nested-field-removed", List.of("FIELD_REMOVED Sample $.partners[*].code")),
				arguments("field-renamed",
						List.of("FIELD_REMOVED Sample $.coordinator.name",
								"NEW_REQUIRED_FIELD Sample $.coordinator.fullName")),
				arguments("type-changed", List.of("TYPE_CHANGED Sample $.since")),
				arguments("made-nullable", List.of("TYPE_CHANGED Sample $.sampleId")),
				arguments("optional-made-required", List.of("OPTIONAL_MADE_REQUIRED Sample $.partners[*].code")),
				arguments("required-made-optional", List.of("REQUIRED_MADE_OPTIONAL Sample $.status")),
				arguments("new-required-field", List.of("NEW_REQUIRED_FIELD Sample $.region")),
				arguments("enum-value-removed", List.of("ENUM_VALUE_REMOVED Sample $.status")),
				arguments("enum-value-added", List.of("ENUM_VALUE_ADDED Sample $.status")),
				arguments("constraint-changed", List.of("CONSTRAINT_CHANGED Sample $.partners")),
				arguments("event-type-removed", List.of("EVENT_TYPE_REMOVED Retired $")),
				arguments("unsupported-construct", List.of("UNSUPPORTED Sample $.since")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("breakingChanges")
	void refusesAChangeThatBreaksConsumers(String fixture, List<String> expected) {
		assertThat(breaches("breaking", fixture))
			.map(breach -> breach.rule() + " " + breach.event() + " " + breach.path())
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "optional-field-added", "event-type-added", "documentation-changed",
			"deprecated-event-type-retired" })
	void acceptsAChangeConsumersSurvive(String fixture) {
		assertThat(breaches("compatible", fixture)).isEmpty();
	}

	@Test
	void hasACaseForEveryFixture() throws IOException {
		assertThat(fixtures("breaking")).containsExactlyInAnyOrderElementsOf(
				breakingChanges().map(arguments -> (String) arguments.get()[0]).toList());
		assertThat(fixtures("compatible")).containsExactlyInAnyOrder("optional-field-added", "event-type-added",
				"documentation-changed", "deprecated-event-type-retired");
	}

	@Test
	void namesTheEventThePathAndTheRuleAndSaysWhatToDo() {
		Breach removed = breaches("breaking", "field-removed").getFirst();

		assertThat(removed.message()).startsWith("Sample at $.since: field removed or renamed [FIELD_REMOVED].")
			.contains("Why it breaks: consumers built on the released version read this field")
			.contains("What to do: put the field back. To rename or drop it, publish a new event type")
			.contains("docs/events.md")
			.contains(
					"Compare event-contracts/src/main/resources/schemas/Sample.json with schemas/released/1/Sample.json.");
	}

	@Test
	void saysWhatChanged() {
		assertThat(detail("type-changed")).isEqualTo("Was integer or null, is now string or null.");
		assertThat(detail("made-nullable")).isEqualTo("Was string, is now string or null.");
		assertThat(detail("enum-value-removed")).contains("ENDED").doesNotContain("ACTIVE");
		assertThat(detail("enum-value-added")).contains("ARCHIVED").doesNotContain("ACTIVE");
		assertThat(detail("constraint-changed")).isEqualTo("minItems was 2, is now 3.");
		assertThat(detail("unsupported-construct")).contains("oneOf");
	}

	private static String detail(String fixture) {
		return breaches("breaking", fixture).getFirst().detail();
	}

	private static List<Breach> breaches(String kind, String fixture) {
		Path directory = SchemaFiles.onClasspath("/compatibility/" + kind + "/" + fixture);
		return SchemaCompatibility.compare(SchemaFiles.read(directory.resolve("released")),
				SchemaFiles.read(directory.resolve("current")), "1");
	}

	private static List<String> fixtures(String kind) throws IOException {
		try (Stream<Path> entries = Files.list(SchemaFiles.onClasspath("/compatibility/" + kind))) {
			return entries.map(entry -> entry.getFileName().toString()).toList();
		}
	}

}
