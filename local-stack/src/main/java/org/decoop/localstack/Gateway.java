package org.decoop.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway (the {@code gateway} module's jar): one origin for every service's API,
 * load-balanced over every instance the stack runs, which it is told at start.
 */
final class Gateway extends Component {

	private final StackOptions options;

	private final Credentials credentials;

	private final Keycloak keycloak;

	private final List<Service> instances;

	Gateway(StackOptions options, Credentials credentials, Keycloak keycloak, List<Service> instances) {
		super("gateway");
		this.options = options;
		this.credentials = credentials;
		this.keycloak = keycloak;
		this.instances = List.copyOf(instances);
	}

	@Override
	void prepare() {
		built(jar());
	}

	/**
	 * Where it listens, where its spans go, every instance of each service, and the
	 * console's sign-in.
	 */
	Map<String, String> environment() {
		Map<String, List<Map<String, String>>> byService = new LinkedHashMap<>();
		for (Service instance : instances) {
			byService.computeIfAbsent(instance.service(), service -> new java.util.ArrayList<>())
				.add(Map.of("uri", instance.instanceUri()));
		}
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SERVER_PORT", Integer.toString(options.gatewayPort()));
		environment.put("SERVER_ADDRESS", options.bind());
		environment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", options.zipkinUrl() + "/api/v2/spans");
		// every request traced here (the default samples one in ten)
		environment.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
		// the console signs people in as Keycloak's client decoop-console (the realm as
		// the stack imports it)
		environment.put("DECOOP_CONSOLE_CLIENT_SECRET", credentials.get(Credentials.CONSOLE_CLIENT_SECRET));
		environment.put("DECOOP_CONSOLE_ISSUER", keycloak.issuer());
		// a list per service: no environment variable of its own can say that
		environment.put("SPRING_APPLICATION_JSON",
				JsonMapper.builder()
					.build()
					.writeValueAsString(Map.of("spring.cloud.discovery.client.simple.instances", byService)));
		return environment;
	}

	@Override
	void start() throws IOException {
		// small: it holds no state, streams what passes through it
		ChildProcess gateway = run(new ChildProcess(name(),
				List.of(JAVA, "-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-jar", jar().toString()), environment(),
				options.logs().resolve("gateway.log")));
		LocalStack.log("started the gateway (pid %d) on %s, logging to %s", gateway.pid(), url(), gateway.log());
	}

	@Override
	void awaitReady() throws InterruptedException {
		awaitAnswer(name(), URI.create(url() + "/actuator/health/readiness"));
	}

	@Override
	String describe() {
		return row("console", "%s/console/   (sign in as a demo user, password decoop)".formatted(url())) + row(name(),
				"%s/api   Swagger UI %s/swagger-ui.html   (every service, every instance)".formatted(url(), url()));
	}

	String url() {
		return options.gatewayUrl();
	}

	private Path jar() {
		return options.jars().resolve("gateway").resolve("target").resolve("gateway.jar");
	}

}
