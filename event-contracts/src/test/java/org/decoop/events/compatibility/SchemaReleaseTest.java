package org.decoop.events.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release command on copies of the fixture pairs: current schemas in
 * {@code schemas/}, version 1 released.
 */
class SchemaReleaseTest {

	@TempDir
	Path schemas;

	@Test
	void copiesTheCurrentSchemasIntoTheNextVersionWithTheirChecksums() throws IOException {
		Path released = setUp("compatible/optional-field-added");

		int version = SchemaRelease.release(schemas, released);

		assertThat(version).isEqualTo(2);
		assertThat(released.resolve("2/Sample.json")).hasSameBinaryContentAs(schemas.resolve("Sample.json"));
		assertThat(SchemaFiles.recordedChecksums(released.resolve("2"))).isEqualTo(SchemaFiles.checksums(schemas));
		assertThat(SchemaCompatibility.compare(SchemaFiles.read(released.resolve("2")), SchemaFiles.read(schemas), "2"))
			.isEmpty();
	}

	@Test
	void refusesToReleaseAChangeThatBreaksConsumers() throws IOException {
		Path released = setUp("breaking/field-removed");

		assertThatIllegalStateException().isThrownBy(() -> SchemaRelease.release(schemas, released))
			.withMessageContaining("would break consumers of version 1")
			.withMessageContaining("Sample at $.since: field removed or renamed [FIELD_REMOVED]");
		assertThat(SchemaFiles.versions(released)).containsExactly(1);
	}

	@Test
	void refusesToReleaseTheSameSchemasTwice() throws IOException {
		Path released = setUp("compatible/optional-field-added");
		SchemaRelease.release(schemas, released);

		assertThatIllegalStateException().isThrownBy(() -> SchemaRelease.release(schemas, released))
			.withMessageContaining("the current schemas are those of version 2");
		assertThat(SchemaFiles.versions(released)).containsExactly(1, 2);
	}

	/**
	 * The fixture's current schemas in {@link #schemas}, its released ones as version 1
	 * under {@code released/}.
	 */
	private Path setUp(String fixture) throws IOException {
		Path source = SchemaFiles.onClasspath("/compatibility/" + fixture);
		Path released = schemas.resolve("released");
		Path version1 = Files.createDirectories(released.resolve("1"));
		copy(source.resolve("current"), schemas);
		copy(source.resolve("released"), version1);
		Files.writeString(version1.resolve(SchemaFiles.CHECKSUMS),
				SchemaFiles.checksumsFile(SchemaFiles.checksums(version1)));
		return released;
	}

	private static void copy(Path from, Path to) throws IOException {
		for (String file : SchemaFiles.checksums(from).keySet()) {
			Files.copy(from.resolve(file), to.resolve(file));
		}
	}

}
