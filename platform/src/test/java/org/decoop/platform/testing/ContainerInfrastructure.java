package org.decoop.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.decoop.events.EventCatalog;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Real Kafka and MongoDB, in containers from the images the compose deployment uses,
 * started once per JVM, with the three topics (3 partitions each) created up front.
 * MongoDB runs as compose runs it (its entrypoint, {@code mongod} flags, users and
 * healthcheck, read from docker-compose.yml): a one-member replica set with
 * authentication and a key file; each test database gets a user of its own, and the
 * services connect as that user with
 * {@code authSource=<database>&w=majority&journal=true}, as in compose.
 */
public final class ContainerInfrastructure implements TestInfrastructure {

	/** The images of docker-compose.yml. */
	public static final List<String> IMAGES = List.of("apache/kafka:4.1.2", "mongo:8.0");

	/**
	 * What a run needs without pulling: the images above and Testcontainers' own resource
	 * reaper.
	 */
	public static final List<String> REQUIRED_IMAGES = List.of(IMAGES.get(0), IMAGES.get(1),
			"testcontainers/ryuk:0.14.0");

	private static ContainerInfrastructure shared;

	/** The compose services' users, by the database they own (mongo/create-users.js). */
	private static final Map<String, String> SERVICE_USERS = Map.of("partnerships", "partnership-service", "plans",
			"plan-service", "notifications", "notification-service");

	private final KafkaContainer kafka = new KafkaContainer(IMAGES.get(0));

	/** The environment of compose's mongo service, its secrets made up for this run. */
	private final Map<String, String> mongoEnvironment = mongoEnvironment();

	private final GenericContainer<?> mongo = composeMongo(mongoEnvironment);

	/** The password of each database's user, by database. */
	private final Map<String, String> passwords = new ConcurrentHashMap<>();

	/** The JVM-wide instance, its containers started on first use. */
	public static synchronized ContainerInfrastructure shared() {
		if (shared == null) {
			shared = new ContainerInfrastructure();
		}
		return shared;
	}

	private ContainerInfrastructure() {
		kafka.start();
		mongo.start();
		SERVICE_USERS.forEach((database, user) -> passwords.put(database, mongoEnvironment
			.get("DECOOP_MONGO_" + user.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PASSWORD")));
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()))) {
			admin
				.createTopics(EventCatalog.topics()
					.stream()
					.map(topic -> new NewTopic(topic, 3, (short) 1).configs(EventCatalog.TOPIC_SETTINGS))
					.toList())
				.all()
				.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("Creating the topics failed", e);
		}
	}

	@Override
	public String kafkaBootstrapServers() {
		return kafka.getBootstrapServers();
	}

	/**
	 * As the database's own user, as compose's services connect; directly to the one
	 * member (the set knows it as localhost:27017 inside its container).
	 */
	@Override
	public String mongoUri(String database) {
		return "mongodb://%s:%s@%s:%d/%s?authSource=%s&w=majority&journal=true&directConnection=true".formatted(
				userOf(database), passwordOf(database), mongo.getHost(), mongo.getMappedPort(27017), database,
				database);
	}

	private static String userOf(String database) {
		return SERVICE_USERS.entrySet()
			.stream()
			.filter(owner -> database.startsWith(owner.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(database);
	}

	/**
	 * The password of the database's user; a test database's user is made on first use,
	 * readWrite on it only.
	 */
	private String passwordOf(String database) {
		return passwords.computeIfAbsent(database, name -> {
			String password = secret();
			try (MongoClient root = MongoClients
				.create("mongodb://root:%s@%s:%d/?authSource=admin&directConnection=true".formatted(
						mongoEnvironment.get("MONGO_INITDB_ROOT_PASSWORD"), mongo.getHost(),
						mongo.getMappedPort(27017)))) {
				root.getDatabase(name)
					.runCommand(new Document("createUser", userOf(name)).append("pwd", password)
						.append("roles", List.of(new Document("role", "readWrite").append("db", name))));
			}
			return password;
		});
	}

	private static Map<String, String> mongoEnvironment() {
		Map<String, String> environment = new LinkedHashMap<>();
		ComposeFile.atProjectRoot()
			.environment("mongo")
			.forEach((name, value) -> environment.put(name, value.startsWith("${") ? secret() : value));
		// the member as mongod inside the container knows itself (compose: mongo:27017,
		// its network name)
		environment.put("DECOOP_MONGO_MEMBER", "localhost:27017");
		return environment;
	}

	/**
	 * compose's mongo service: entrypoint (the key file), mongod flags, scripts, and its
	 * healthcheck to wait for.
	 */
	@SuppressWarnings("unchecked")
	private static GenericContainer<?> composeMongo(Map<String, String> environment) {
		Map<String, Object> service = ComposeFile.atProjectRoot().service("mongo");
		Path root = (Files.exists(Path.of("docker-compose.yml")) ? Path.of(".") : Path.of("..")).toAbsolutePath()
			.normalize();
		List<String> entrypoint = ((List<Object>) service.get("entrypoint")).stream()
			.map(part -> unescape(String.valueOf(part)))
			.toList();
		List<String> command = ((List<Object>) service.get("command")).stream().map(String::valueOf).toList();
		List<Object> healthcheck = (List<Object>) ((Map<String, Object>) service.get("healthcheck")).get("test");
		return new GenericContainer<>(DockerImageName.parse(IMAGES.get(1))).withEnv(environment)
			.withCopyFileToContainer(MountableFile.forHostPath(root.resolve("mongo/create-users.js")),
					"/docker-entrypoint-initdb.d/create-users.js")
			.withCopyFileToContainer(MountableFile.forHostPath(root.resolve("mongo/replica-set.js")),
					"/etc/decoop/replica-set.js")
			.withCreateContainerCmdModifier(create -> create.withEntrypoint(entrypoint))
			.withCommand(command.toArray(String[]::new))
			.withExposedPorts(27017)
			.waitingFor(Wait.forSuccessfulCommand(unescape(String.valueOf(healthcheck.get(1))))
				.withStartupTimeout(Duration.ofMinutes(2)));
	}

	/** Compose's {@code $$} is a literal {@code $}. */
	private static String unescape(String composeText) {
		return composeText.replace("$$", "$");
	}

	private static String secret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
