package org.decoop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The resident memory of the whole local stack: the {@code local-stack.jar} launcher and
 * every process it started (the store, Kafka, Keycloak, Zipkin, GreenMail, the gateway,
 * the three services; a service's instances together), read from {@code /proc}.
 */
final class StackMemory {

	private static final Set<String> SERVICES = Set.of("partnership-service", "plan-service", "notification-service");

	private StackMemory() {
	}

	/**
	 * Resident megabytes per process of the stack, by name; empty when no local stack
	 * runs here.
	 */
	static Map<String, Long> residentMb() throws IOException {
		Map<String, Long> resident = new LinkedHashMap<>();
		stack().forEach((pid, command) -> {
			long kb = rssKb(pid);
			if (kb > 0) {
				// a child of the stack read after its parent's scan has no command line:
				// it counts as the rest
				resident.merge(nameOf(command), kb / 1024, Long::sum);
			}
		});
		return resident;
	}

	/**
	 * The resident megabytes of the largest service instance (one process, whichever
	 * service); 0 when none runs.
	 */
	static long largestServiceInstanceMb() throws IOException {
		long largest = 0;
		for (Map.Entry<Long, String> process : stack().entrySet()) {
			if (SERVICES.contains(nameOf(process.getValue()))) {
				largest = Math.max(largest, rssKb(process.getKey()) / 1024);
			}
		}
		return largest;
	}

	/**
	 * The process of the service instance listening on {@code port} (the port the stack
	 * gave it in its environment), if the stack runs one.
	 */
	static OptionalLong serviceListeningOn(int port) throws IOException {
		for (Map.Entry<Long, String> process : stack().entrySet()) {
			if (SERVICES.contains(nameOf(process.getValue()))) {
				try {
					String environment = Files.readString(Path.of("/proc", process.getKey().toString(), "environ"));
					if (List.of(environment.split("\0")).contains("SERVER_PORT=" + port)) {
						return OptionalLong.of(process.getKey());
					}
				}
				catch (IOException gone) {
					// ended meanwhile
				}
			}
		}
		return OptionalLong.empty();
	}

	/**
	 * The {@code local-stack.jar} launcher and every process it started, with their
	 * command lines ("" for one read after its parent's scan).
	 */
	private static Map<Long, String> stack() throws IOException {
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
		Map<Long, String> processes = new LinkedHashMap<>();
		stack.forEach(pid -> processes.put(pid, commands.getOrDefault(pid, "")));
		return processes;
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
