package org.decoop.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's {@code docker-compose.yml}, read so that tests can hold it to the code:
 * every environment variable given to a service must bind to one of that service's
 * configuration properties, as Spring Boot's relaxed binding reads environment variables.
 */
public final class ComposeFile {

	private final Map<String, Object> services;

	private ComposeFile(Map<String, Object> services) {
		this.services = services;
	}

	/**
	 * The compose file at the root of the checkout, found from a module's working
	 * directory.
	 */
	@SuppressWarnings("unchecked")
	public static ComposeFile atProjectRoot() {
		return atProjectRoot("docker-compose.yml");
	}

	/**
	 * A compose file at the root of the checkout ({@code docker-compose.ports.yml}, say).
	 */
	@SuppressWarnings("unchecked")
	public static ComposeFile atProjectRoot(String name) {
		Path file = Files.exists(Path.of(name)) ? Path.of(name) : Path.of("..", name);
		try (InputStream in = Files.newInputStream(file)) {
			Map<String, Object> root = new Yaml().load(in);
			return new ComposeFile((Map<String, Object>) root.get("services"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> service(String name) {
		Object service = services.get(name);
		if (service == null) {
			throw new IllegalArgumentException("docker-compose.yml has no service " + name);
		}
		return (Map<String, Object>) service;
	}

	/** A service's environment, values as text. */
	@SuppressWarnings("unchecked")
	public Map<String, String> environment(String name) {
		Map<String, String> environment = new LinkedHashMap<>();
		Object declared = service(name).getOrDefault("environment", Map.of());
		((Map<String, Object>) declared).forEach((key, value) -> environment.put(key, String.valueOf(value)));
		return environment;
	}

	/** Every service of the file, tools behind a profile included. */
	public Set<String> serviceNames() {
		return Collections.unmodifiableSet(services.keySet());
	}

	/** A service's published ports as written ("127.0.0.1:8082:8082"). */
	@SuppressWarnings("unchecked")
	public List<String> publishedPorts(String name) {
		return ((List<Object>) service(name).getOrDefault("ports", List.of())).stream().map(String::valueOf).toList();
	}

	/** The container ports a service publishes ("8082:8082" → 8082). */
	@SuppressWarnings("unchecked")
	public List<Integer> containerPorts(String name) {
		return ((List<Object>) service(name).getOrDefault("ports", List.of())).stream()
			.map(String::valueOf)
			.map(mapping -> Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1)))
			.toList();
	}

	/** A service's healthcheck command, joined into one line. */
	@SuppressWarnings("unchecked")
	public String healthcheck(String name) {
		Map<String, Object> healthcheck = (Map<String, Object>) service(name).get("healthcheck");
		Object test = healthcheck == null ? null : healthcheck.get("test");
		return test instanceof List<?> parts ? String.join(" ", parts.stream().map(String::valueOf).toList())
				: String.valueOf(test);
	}

	/**
	 * The command of a one-shot service such as {@code kafka-init}, joined into one text.
	 */
	public String command(String name) {
		Object command = service(name).get("command");
		return command instanceof List<?> parts ? String.join("\n", parts.stream().map(String::valueOf).toList())
				: String.valueOf(command);
	}

	/**
	 * Whether an environment variable is one of the names Spring Boot binds to
	 * {@code property}.
	 */
	public static boolean bindsTo(String variable, String property) {
		String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
		return variable.equals(upper.replace("-", "")) || variable.equals(upper.replace('-', '_'));
	}

	/**
	 * Every configuration property described by
	 * {@code META-INF/spring-configuration-metadata.json} on the classpath.
	 */
	public static Set<String> knownProperties() {
		Set<String> names = new HashSet<>();
		JsonMapper json = JsonMapper.builder().build();
		try {
			for (String resource : List.of("META-INF/spring-configuration-metadata.json",
					"META-INF/additional-spring-configuration-metadata.json")) {
				for (URL url : Collections.list(ComposeFile.class.getClassLoader().getResources(resource))) {
					try (InputStream in = url.openStream()) {
						JsonNode properties = json.readTree(in).get("properties");
						if (properties != null) {
							properties.forEach(property -> names.add(property.get("name").asString()));
						}
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return names;
	}

}
