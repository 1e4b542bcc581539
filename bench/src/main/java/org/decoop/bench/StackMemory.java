package org.decoop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The resident memory of the whole local stack: the {@code local-stack.jar} launcher and
 * every process it started (the store, Kafka, Keycloak, Zipkin, GreenMail, the gateway,
 * the three services; a service's instances together), read from {@code /proc}.
 */
final class StackMemory {

	private StackMemory() {
	}

	/**
	 * Resident megabytes per process of the stack, by name; empty when no local stack
	 * runs here.
	 */
	static Map<String, Long> residentMb() throws IOException {
		Map<Long, Long> parents = new HashMap<>();
		Map<Long, String> commands = new HashMap<>();
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				try {
					long pid = Long.parseLong(process.getFileName().toString());
					String stat = Files.readString(process.resolve("stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					parents.put(pid, Long.parseLong(fields[1]));
					commands.put(pid, Files.readString(process.resolve("cmdline")).replace('\0', ' '));
				}
				catch (IOException | RuntimeException gone) {
					// the process ended meanwhile
				}
			}
		}
		List<Long> stack = new ArrayList<>();
		commands.forEach((pid, command) -> {
			if (command.contains("local-stack.jar") && !command.contains("bench.jar")) {
				stack.add(pid);
			}
		});
		for (int i = 0; i < stack.size(); i++) {
			long parent = stack.get(i);
			parents.forEach((pid, ppid) -> {
				if (ppid == parent && !stack.contains(pid)) {
					stack.add(pid);
				}
			});
		}
		Map<String, Long> resident = new LinkedHashMap<>();
		for (long pid : stack) {
			long kb = rssKb(pid);
			if (kb > 0) {
				// a child of the stack read after its parent's scan has no command line:
				// it counts as the rest
				resident.merge(nameOf(commands.getOrDefault(pid, "")), kb / 1024, Long::sum);
			}
		}
		return resident;
	}

	private static long rssKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
		}
		catch (IOException gone) {
			// ended
		}
		return 0;
	}

	private static String nameOf(String command) {
		for (String name : List.of("partnership-service", "plan-service", "notification-service", "keycloak", "zipkin",
				"kafka.Kafka", "MongoStandIn", "greenmail", "gateway.jar")) {
			if (command.contains(name)) {
				return switch (name) {
					case "kafka.Kafka" -> "kafka";
					case "MongoStandIn" -> "store";
					case "gateway.jar" -> "gateway";
					default -> name;
				};
			}
		}
		return command.contains("local-stack.jar") ? "local-stack (launcher)" : "other";
	}

}
