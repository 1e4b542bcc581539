package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application starts from its extracted form with the AOT cache the build trained, and
 * from its jar when that cache is missing or older than the jar.
 */
class BootJarTest {

	@TempDir
	Path target;

	@Test
	void runsTheExtractedJarWithItsCacheWhenTheBuildMadeOneForThisJar() throws Exception {
		Path jar = built("plan-service.jar", Instant.parse("2026-12-08T01:00:00Z"));
		Files.createDirectories(target.resolve("aot"));
		built("aot/plan-service.jar", Instant.parse("2026-12-08T01:00:05Z"));
		built("aot/plan-service.aot", Instant.parse("2026-12-08T01:00:30Z"));

		BootJar bootJar = new BootJar(jar);
		// from target/aot, as it was trained: the cache names the class path relative to
		// it
		assertThat(bootJar.command(List.of("-Xmx256m"))).containsExactly(Component.JAVA, "-Xmx256m",
				"-XX:AOTCache=plan-service.aot", "-jar", "plan-service.jar");
		assertThat(bootJar.directory()).isEqualTo(target.resolve("aot").toAbsolutePath());
	}

	@Test
	void runsTheJarItselfWhenTheCacheIsMissingOrOlderThanTheJar() throws Exception {
		Path jar = built("plan-service.jar", Instant.parse("2026-12-08T01:00:00Z"));
		List<String> plain = List.of(Component.JAVA, "-Xmx256m", "-jar", jar.toString());

		assertThat(new BootJar(jar).command(List.of("-Xmx256m"))).isEqualTo(plain);

		Files.createDirectories(target.resolve("aot"));
		built("aot/plan-service.jar", Instant.parse("2026-12-07T01:00:05Z"));
		built("aot/plan-service.aot", Instant.parse("2026-12-07T01:00:30Z"));
		// the jar was rebuilt since (the cache's training skipped): the extracted classes
		// are stale
		assertThat(new BootJar(jar).command(List.of("-Xmx256m"))).isEqualTo(plain);
	}

	private Path built(String name, Instant at) throws Exception {
		Path file = Files.writeString(target.resolve(name), name);
		Files.setLastModifiedTime(file, FileTime.from(at));
		return file;
	}

}
