package org.decoop.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code java -jar local-stack/target/local-stack.jar} was asked to do.
 *
 * @param home where data and logs go ({@code .decoop/} under the working directory)
 * @param jars the folder of the checkout whose {@code *-service/target/*.jar} are started
 * @param fresh wipe the data first
 * @param demo load the seed story through the public APIs once the stack is ready
 * @param bind the address every part of the stack listens on: {@value #LOOPBACK} (this
 * machine only) unless {@value #EVERY_INTERFACE} was asked for on purpose
 * @param gatewayPort where the gateway, the one origin of every service's API, listens
 * @param replicas how many instances of each service run (1 or 2); instance 2 listens on
 * its service's port + {@value #REPLICA_PORT_STEP}
 */
record StackOptions(Path home, Path jars, boolean fresh, boolean demo, String bind, int kafkaPort, int controllerPort,
		int mongoPort, int partnershipPort, int planPort, int notificationPort, int keycloakPort, int zipkinPort,
		int smtpPort, int mailPort, int gatewayPort, int replicas) {

	static final String LOOPBACK = "127.0.0.1";

	static final int REPLICA_PORT_STEP = 100;
	static final String EVERY_INTERFACE = "0.0.0.0";

	static final String USAGE = """
			Usage: java -jar local-stack/target/local-stack.jar [--fresh] [--demo] [options]
			  --fresh                  wipe the data in .decoop/data and Keycloak's first
			  --demo                   load the seed story (Embassy, SKGO, five partnerships, the 2020 plan)
			  --home=DIR               data and logs (default .decoop)
			  --jars=DIR               checkout whose service jars are started (default .)
			  --bind=127.0.0.1         where everything listens; --bind=0.0.0.0 opens the stack, with its known
			                           demo passwords, to every machine that can reach this one
			  --replicas=1             instances of each service (1 or 2); the second listens on its port + 100
			  --gateway-port=8080      the gateway: every service's API, load-balanced over their instances
			  --kafka-port=9092 --kafka-controller-port=9093 --mongo-port=27017
			  --partnership-port=8081 --plan-port=8082 --notification-port=8083
			  --keycloak-port=8180     (its management port, for health, is this + 1000)
			  --zipkin-port=9411       (the traces, in memory)
			  --smtp-port=1025 --mail-port=8025   (GreenMail: catches every e-mail; its REST API lists them)
			""";

	static StackOptions parse(List<String> args) {
		Path home = Path.of(".decoop");
		Path jars = Path.of(".");
		boolean fresh = false;
		boolean demo = false;
		String bind = LOOPBACK;
		int kafka = 9092;
		int controller = 9093;
		int mongo = 27017;
		int partnership = 8081;
		int plan = 8082;
		int notification = 8083;
		int keycloak = 8180;
		int zipkin = 9411;
		int smtp = 1025;
		int mail = 8025;
		int gateway = 8080;
		int replicas = 1;
		for (String arg : args) {
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
			switch (name) {
				case "--fresh" -> fresh = true;
				case "--demo" -> demo = true;
				case "--home" -> home = Path.of(value);
				case "--jars" -> jars = Path.of(value);
				case "--bind" -> bind = bind(value);
				case "--kafka-port" -> kafka = port(name, value);
				case "--kafka-controller-port" -> controller = port(name, value);
				case "--mongo-port" -> mongo = port(name, value);
				case "--partnership-port" -> partnership = port(name, value);
				case "--plan-port" -> plan = port(name, value);
				case "--notification-port" -> notification = port(name, value);
				case "--keycloak-port" -> keycloak = port(name, value);
				case "--zipkin-port" -> zipkin = port(name, value);
				case "--smtp-port" -> smtp = port(name, value);
				case "--mail-port" -> mail = port(name, value);
				case "--gateway-port" -> gateway = port(name, value);
				case "--replicas" -> replicas = replicas(value);
				default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
			}
		}
		if (keycloak + 1000 > 65535) {
			throw new IllegalArgumentException("--keycloak-port needs room for its management port (the port + 1000)");
		}
		List<Integer> ports = new ArrayList<>(List.of(kafka, controller, mongo, partnership, plan, notification,
				keycloak, keycloak + 1000, zipkin, smtp, mail, gateway));
		if (replicas == 2) {
			ports.addAll(List.of(partnership + REPLICA_PORT_STEP, plan + REPLICA_PORT_STEP,
					notification + REPLICA_PORT_STEP));
		}
		if (ports.stream().distinct().count() < ports.size()) {
			throw new IllegalArgumentException("Two of the stack's ports are the same (Keycloak's management port is "
					+ "--keycloak-port + 1000, a second instance's its service's port + 100): " + ports + "\n" + USAGE);
		}
		return new StackOptions(home.toAbsolutePath().normalize(), jars.toAbsolutePath().normalize(), fresh, demo, bind,
				kafka, controller, mongo, partnership, plan, notification, keycloak, zipkin, smtp, mail, gateway,
				replicas);
	}

	private static int replicas(String value) {
		if (!value.equals("1") && !value.equals("2")) {
			throw new IllegalArgumentException("--replicas takes 1 or 2, not '" + value + "'");
		}
		return Integer.parseInt(value);
	}

	private static String bind(String value) {
		if (!value.equals(LOOPBACK) && !value.equals(EVERY_INTERFACE)) {
			throw new IllegalArgumentException("--bind takes " + LOOPBACK + " (this machine only, the default) or "
					+ EVERY_INTERFACE + " (every interface), not '" + value + "'");
		}
		return value;
	}

	/**
	 * Whether something other than this machine can reach the stack: it was asked for,
	 * and is said loudly.
	 */
	boolean openToTheNetwork() {
		return !bind.equals(LOOPBACK);
	}

	private static int port(String name, String value) {
		try {
			int port = Integer.parseInt(value);
			if (port > 0 && port < 65536) {
				return port;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException(name + " needs a port number, not '" + value + "'");
	}

	Path data() {
		return home.resolve("data");
	}

	Path logs() {
		return home.resolve("logs");
	}

	/** The port of {@code service}'s instance {@code instance} (1 or 2). */
	int servicePort(String service, int instance) {
		int first = switch (service) {
			case "partnership-service" -> partnershipPort;
			case "plan-service" -> planPort;
			default -> notificationPort;
		};
		return first + (instance - 1) * REPLICA_PORT_STEP;
	}

	String gatewayUrl() {
		return "http://localhost:" + gatewayPort;
	}

	String kafkaBootstrap() {
		return "127.0.0.1:" + kafkaPort;
	}

	String zipkinUrl() {
		return "http://localhost:" + zipkinPort;
	}

	/**
	 * Where GreenMail's REST API lists what it caught:
	 * {@code /api/user/<address>/messages/INBOX}.
	 */
	String mailUrl() {
		return "http://localhost:" + mailPort;
	}

	String mongoUri(String database) {
		return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
	}
}
