package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which JDK {@code java -jar local-stack.jar} runs the stack on when the {@code java}
 * that starts it is too old.
 */
class LauncherTest {

	@TempDir
	Path folder;

	@Test
	void takesJavaHomeWhenItIsNewEnough() throws IOException {
		Path home = jdk("custom/jdk-21", "21.0.5");
		jdk("jvm/temurin-25", "25.0.3");

		assertThat(Launcher.find(home.toString(), List.of(folder.resolve("jvm"))))
			.hasValueSatisfying(jdk -> assertThat(jdk.home()).isEqualTo(home));
	}

	@Test
	void passesOverAnOldJavaHomeForTheNewestInstalledJdk() throws IOException {
		Path old = jdk("jvm/java-17-openjdk", "17.0.15");
		jdk("jvm/java-21-openjdk", "21.0.5");
		Path newest = jdk("jvm/temurin-25-jdk", "25.0.3");
		jdk("jvm/java-8", "1.8.0_402");

		assertThat(Launcher.find(old.toString(), List.of(folder.resolve("jvm"), folder.resolve("absent"))))
			.hasValueSatisfying(jdk -> {
				assertThat(jdk.home()).isEqualTo(newest);
				assertThat(jdk.feature()).isEqualTo(25);
			});
	}

	@Test
	void findsAMacOsBundle() throws IOException {
		Path home = jdk("vms/temurin-21.jdk/Contents/Home", "21.0.5");

		assertThat(Launcher.find(null, List.of(folder.resolve("vms"))))
			.hasValueSatisfying(jdk -> assertThat(jdk.home()).isEqualTo(home));
	}

	@Test
	void findsNothingWhereOnlyOlderJdksOrBrokenOnesAre() throws IOException {
		jdk("jvm/java-17-openjdk", "17.0.15");
		jdk("jvm/java-8", "1.8.0_402");
		Files.createDirectories(folder.resolve("jvm/no-release-file/bin"));

		assertThat(Launcher.find("", List.of(folder.resolve("jvm")))).isEmpty();
	}

	/**
	 * A JDK as the launcher sees one: a {@code release} file and an executable
	 * {@code bin/java}.
	 */
	private Path jdk(String path, String version) throws IOException {
		Path home = Files.createDirectories(folder.resolve(path));
		Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Someone\"\nJAVA_VERSION=\"" + version + "\"\n");
		Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
		Files.writeString(java, "#!/bin/sh\n");
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		return home.toAbsolutePath().normalize();
	}

}
