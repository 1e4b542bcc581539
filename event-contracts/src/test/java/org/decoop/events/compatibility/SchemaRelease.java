package org.decoop.events.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Releases the current event schemas: copies them into {@code released/<latest + 1>/}
 * with their {@code SHA256SUMS}, after checking that they break no consumer of the latest
 * release and that they differ from it. Run by {@link ReleaseSchemas} (docs/events.md,
 * "Releasing a version").
 */
final class SchemaRelease {

	private SchemaRelease() {
	}

	/** The new version's number. */
	static int release(Path current, Path released) {
		List<Integer> versions = SchemaFiles.versions(released);
		int next = versions.isEmpty() ? 1 : versions.getLast() + 1;
		if (!versions.isEmpty()) {
			Path latest = released.resolve(String.valueOf(versions.getLast()));
			List<Breach> breaches = SchemaCompatibility.compare(SchemaFiles.read(latest), SchemaFiles.read(current),
					String.valueOf(versions.getLast()));
			if (!breaches.isEmpty()) {
				throw new IllegalStateException("Not released: %d change(s) would break consumers of version %d:%n%n%s"
					.formatted(breaches.size(), versions.getLast(),
							breaches.stream().map(Breach::message).collect(Collectors.joining("\n\n"))));
			}
			if (SchemaFiles.read(latest).equals(SchemaFiles.read(current))) {
				throw new IllegalStateException(
						"Not released: the current schemas are those of version %d.".formatted(versions.getLast()));
			}
		}
		Path target = released.resolve(String.valueOf(next));
		try {
			Files.createDirectories(target);
			for (String file : SchemaFiles.checksums(current).keySet()) {
				Files.copy(current.resolve(file), target.resolve(file));
			}
			Files.writeString(target.resolve(SchemaFiles.CHECKSUMS),
					SchemaFiles.checksumsFile(SchemaFiles.checksums(target)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return next;
	}

}
