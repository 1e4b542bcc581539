package org.decoop.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The stack's home holds secrets (Keycloak's realm signing keys in its H2 database, the
 * store's data, Kafka's and the generated passwords): it and everything in it is its
 * owner's only. Children are started with umask 077, so what they write is 0600 in 0700
 * folders; {@link #restrict} mends what an earlier version left readable.
 */
final class OwnerOnly {

	/**
	 * Prefixed to a child's command: sets the umask, then {@code exec}s the command
	 * itself (same pid).
	 */
	static final List<String> UMASK_077 = List.of("/bin/sh", "-c", "umask 077 && exec \"$0\" \"$@\"");

	private static final Set<PosixFilePermission> NOT_THE_OWNERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private OwnerOnly() {
	}

	/**
	 * Creates {@code folder} (0700) if needed; takes the group's and others' rights from
	 * it and all it holds.
	 */
	static Path restrict(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			Files.createDirectories(folder);
		}
		try (Stream<Path> all = Files.walk(folder)) {
			for (Path path : (Iterable<Path>) all::iterator) {
				if (Files.isSymbolicLink(path)) {
					continue;
				}
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
				if (permissions.removeAll(NOT_THE_OWNERS)) {
					Files.setPosixFilePermissions(path, permissions);
				}
			}
		}
		return folder;
	}

	/** Creates {@code file} empty and 0600 unless it exists. */
	static void createFile(Path file) throws IOException {
		if (!Files.exists(file)) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
	}

}
