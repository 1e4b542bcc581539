package org.decoop.events.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The build fails when the current schema of an event would break consumers of the latest
 * released version (docs/events.md, "Releasing a version"). Runs in every
 * {@code ./mvnw verify}.
 */
class ContractGateTest {

	private static final Path CURRENT = SchemaFiles.onClasspath("/schemas");

	private static final Path RELEASED = SchemaFiles.onClasspath("/schemas/released");

	@Test
	void acceptsTheCurrentSchemasForConsumersOfTheLatestRelease() {
		int latest = SchemaFiles.latest(RELEASED);

		List<Breach> breaches = SchemaCompatibility.compare(SchemaFiles.read(RELEASED.resolve(String.valueOf(latest))),
				SchemaFiles.read(CURRENT), String.valueOf(latest));

		if (!breaches.isEmpty()) {
			fail("%d change(s) to the event schemas would break consumers of released version %d:%n%n%s",
					breaches.size(), latest,
					breaches.stream().map(Breach::message).collect(Collectors.joining("\n\n")));
		}
	}

	@Test
	void numbersTheReleasedVersionsFromOne() {
		List<Integer> versions = SchemaFiles.versions(RELEASED);

		assertThat(versions).isNotEmpty().isEqualTo(IntStream.rangeClosed(1, versions.size()).boxed().toList());
	}

	@Test
	void keepsEveryReleasedVersionAsItWasReleased() {
		for (int version : SchemaFiles.versions(RELEASED)) {
			Path directory = RELEASED.resolve(String.valueOf(version));

			assertThat(SchemaFiles.checksums(directory))
				.as("schemas/released/%d/ against its %s: a released schema is never edited (docs/events.md, \"Releasing a version\")",
						version, SchemaFiles.CHECKSUMS)
				.isEqualTo(SchemaFiles.recordedChecksums(directory));
		}
	}

}
