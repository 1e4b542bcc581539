package org.decoop.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of one of the three services, from its Spring Boot jar, on its port,
 * pointed at the stack's broker, store and Keycloak. Instance 2 of a service (the stack's
 * {@code --replicas=2}) is named {@code <service>-2}, listens on its own port and shares
 * everything else with instance 1: its Kafka principal and group, its database.
 */
final class Service extends Component {

	static final List<String> NAMES = List.of("partnership-service", "plan-service", "notification-service");

	private final String service;

	private final int instance;

	private final StackOptions options;

	private final Credentials credentials;

	private final Keycloak identity;

	Service(String service, StackOptions options, Credentials credentials, Keycloak identity) {
		this(service, 1, options, credentials, identity);
	}

	Service(String service, int instance, StackOptions options, Credentials credentials, Keycloak identity) {
		super(instance == 1 ? service : service + "-" + instance);
		this.service = service;
		this.instance = instance;
		this.options = options;
		this.credentials = credentials;
		this.identity = identity;
	}

	@Override
	void prepare() {
		built(jar());
	}

	/**
	 * What it is told through its environment: where everything is, its Kafka principal
	 * and password.
	 */
	Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SERVER_PORT", Integer.toString(port()));
		environment.put("SERVER_ADDRESS", options.bind());
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", options.kafkaBootstrap());
		environment.put("DECOOP_KAFKA_USERNAME", service);
		environment.put("DECOOP_KAFKA_PASSWORD", credentials.kafkaPasswordOf(service));
		environment.put("SPRING_MONGODB_URI", options.mongoUri(database()));
		// the stand-in store reads a conditional write {_id, version} from this unique
		// index only; MongoDB needs none
		environment.put("DECOOP_MONGO_VERSION_INDEX", "true");
		environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", identity.issuer());
		environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", identity.jwkSetUri());
		environment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", options.zipkinUrl() + "/api/v2/spans");
		// every request traced here (the default samples one in ten)
		environment.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
		if (service.equals("notification-service")) {
			// Local receivers (a webhook on localhost) are what a developer tests with.
			environment.put("DECOOP_NOTIFICATION_ALLOW_PRIVATE_TARGETS", "true");
			environment.put("DECOOP_NOTIFICATION_SECRET_KEY", credentials.get(Credentials.SECRET_KEY));
			environment.put("SPRING_MAIL_HOST", "127.0.0.1");
			environment.put("SPRING_MAIL_PORT", Integer.toString(options.smtpPort()));
			// confirmation links in e-mails point at the gateway: they work whichever
			// instance is up
			environment.put("DECOOP_NOTIFICATION_EMAIL_PUBLIC_URL", options.gatewayUrl());
		}
		return environment;
	}

	@Override
	void start() throws IOException {
		// C2 too (no TieredStopAtLevel=1): a little more memory and start-up time, much
		// more throughput
		ChildProcess service = run(
				new BootJar(jar()).process(name(), List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC"), environment(),
						options.logs().resolve(name() + ".log")));
		LocalStack.log("started %s (pid %d), logging to %s", name(), service.pid(), service.log());
	}

	@Override
	void awaitReady() throws InterruptedException {
		awaitAnswer(name(), URI.create(url() + "/actuator/health/readiness"));
	}

	@Override
	String describe() {
		return row(name(), "%s/api   Swagger UI %s/swagger-ui.html".formatted(url(), url()));
	}

	String url() {
		return "http://localhost:" + port();
	}

	/** The service this is an instance of: the gateway's name for it. */
	String service() {
		return service;
	}

	/**
	 * Where the gateway reaches it: the loopback address itself ({@code localhost} may be
	 * tried as ::1 first, where nothing listens).
	 */
	String instanceUri() {
		return "http://127.0.0.1:" + port();
	}

	private int port() {
		return options.servicePort(service, instance);
	}

	private String database() {
		return switch (service) {
			case "partnership-service" -> "partnerships";
			case "plan-service" -> "plans";
			default -> "notifications";
		};
	}

	private Path jar() {
		return options.jars().resolve(service).resolve("target").resolve(service + ".jar");
	}

}
