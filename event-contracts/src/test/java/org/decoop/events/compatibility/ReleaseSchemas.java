package org.decoop.events.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The release command, run on purpose only (its name does not end in Test, and it needs
 * the property): <pre>
 * ./mvnw -pl event-contracts -am test -Dtest=ReleaseSchemas -Dsurefire.failIfNoSpecifiedTests=false -Ddecoop.contracts.release=true
 * </pre> It writes {@code src/main/resources/schemas/released/<next>/}; commit it.
 */
@EnabledIfSystemProperty(named = "decoop.contracts.release", matches = "true")
class ReleaseSchemas {

	@Test
	void releasesTheCurrentSchemasAsTheNextVersion() {
		// Maven runs tests in the module directory and says so in basedir.
		Path schemas = Path.of(System.getProperty("basedir", ".")).resolve("src/main/resources/schemas");

		int version = SchemaRelease.release(schemas, schemas.resolve("released"));

		assertThat(SchemaFiles.versions(schemas.resolve("released"))).contains(version);
		System.out.printf("Released the event schemas as version %d: %s%n", version,
				schemas.resolve("released").resolve(String.valueOf(version)).toAbsolutePath().normalize());
	}

}
