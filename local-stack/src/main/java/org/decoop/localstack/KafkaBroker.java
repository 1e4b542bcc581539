package org.decoop.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.decoop.events.EventCatalog;

/**
 * The Kafka broker, run from Kafka's own server classes (KRaft, its own process). It
 * requires SASL on every listener and authorizes with Kafka's StandardAuthorizer: the
 * broker itself signs in with PLAIN (its only static user, the one super user; SCRAM
 * cannot serve KRaft's controller listener), everybody else with SCRAM-SHA-512 and the
 * ACLs of {@link KafkaAccess}. No client creates topics.
 */
final class KafkaBroker extends Component {

	static final int PARTITIONS = 3;

	private final StackOptions options;

	private final Credentials credentials;

	KafkaBroker(StackOptions options, Credentials credentials) {
		super("the Kafka broker");
		this.options = options;
		this.credentials = credentials;
	}

	/**
	 * The broker's configuration, with its own password: written owner-only, next to the
	 * data.
	 */
	Properties serverProperties() {
		String brokerLogin = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%1$s\" password=\"%2$s\" user_%1$s=\"%2$s\";"
			.formatted(KafkaAccess.BROKER, credentials.kafkaPasswordOf(KafkaAccess.BROKER));
		Properties properties = new Properties();
		properties.setProperty("process.roles", "broker,controller");
		properties.setProperty("node.id", "1");
		properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + options.controllerPort());
		properties.setProperty("listeners", "SASL_PLAINTEXT://%s:%d,CONTROLLER://127.0.0.1:%d".formatted(options.bind(),
				options.kafkaPort(), options.controllerPort()));
		properties.setProperty("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + options.kafkaPort());
		properties.setProperty("controller.listener.names", "CONTROLLER");
		properties.setProperty("inter.broker.listener.name", "SASL_PLAINTEXT");
		properties.setProperty("listener.security.protocol.map",
				"SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
		properties.setProperty("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512");
		properties.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
		properties.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
		properties.setProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config", brokerLogin);
		properties.setProperty("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
				"org.apache.kafka.common.security.scram.ScramLoginModule required;");
		properties.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
		properties.setProperty("listener.name.controller.plain.sasl.jaas.config", brokerLogin);
		properties.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		properties.setProperty("super.users", "User:" + KafkaAccess.BROKER);
		properties.setProperty("allow.everyone.if.no.acl.found", "false");
		properties.setProperty("auto.create.topics.enable", "false");
		properties.setProperty("log.dirs", logDir().toString());
		properties.setProperty("num.partitions", Integer.toString(PARTITIONS));
		properties.setProperty("offsets.topic.replication.factor", "1");
		properties.setProperty("transaction.state.log.replication.factor", "1");
		properties.setProperty("transaction.state.log.min.isr", "1");
		properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
		properties.setProperty("share.coordinator.state.topic.min.isr", "1");
		properties.setProperty("group.initial.rebalance.delay.ms", "0");
		// the log cleaner's buffer is on the heap (128 MB by default); compacted topics
		// here are small
		properties.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
		return properties;
	}

	private Path logDir() {
		return options.data().resolve("kafka");
	}

	/** Writes its configuration, formats its storage the first time, and starts it. */
	@Override
	void start() throws Exception {
		Path config = options.home().resolve("kafka-server.properties");
		// it holds the broker's password: its owner only
		Files.deleteIfExists(config);
		OwnerOnly.createFile(config);
		try (var out = Files.newBufferedWriter(config)) {
			serverProperties().store(out, "written by local-stack");
		}
		Path kafkaLog = options.logs().resolve("kafka.log");
		OwnerOnly.createFile(kafkaLog);
		if (!Files.exists(logDir().resolve("meta.properties"))) {
			List<String> command = new ArrayList<>(OwnerOnly.UMASK_077);
			command.addAll(List.of(JAVA, "-cp", CLASS_PATH, "kafka.tools.StorageTool", "format", "-t",
					Uuid.randomUuid().toString(), "-c", config.toString()));
			Process format = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(kafkaLog.toFile()))
				.start();
			if (format.waitFor() != 0) {
				throw new IllegalStateException("Formatting Kafka's storage failed; see " + kafkaLog);
			}
		}
		ChildProcess kafka = run(new ChildProcess("kafka", List.of(JAVA, "-Xms64m", "-Xmx192m", "-XX:+UseSerialGC",
				"-cp", CLASS_PATH, "kafka.Kafka", config.toString()), Map.of(), kafkaLog));
		LocalStack.log("started the Kafka broker (pid %d) on %s (SASL), logging to %s", kafka.pid(),
				options.kafkaBootstrap(), kafkaLog);
	}

	/** What the stack's own admin client needs to sign in as the broker's super user. */
	private Map<String, Object> brokerClient() {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafkaBootstrap());
		config.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
		config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
		config.put(SaslConfigs.SASL_JAAS_CONFIG,
				"org.apache.kafka.common.security.plain.PlainLoginModule required " + "username=\"%s\" password=\"%s\";"
					.formatted(KafkaAccess.BROKER, credentials.kafkaPasswordOf(KafkaAccess.BROKER)));
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
		return config;
	}

	/**
	 * Ready once, before any service runs, it has the principals' SCRAM credentials, the
	 * three topics and the dead-letter topics (clients create none), and the ACLs. All
	 * idempotent: every start makes sure of them. Then the client configurations are
	 * written.
	 */
	@Override
	void awaitReady() throws Exception {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		try (Admin admin = Admin.create(brokerClient())) {
			while (true) {
				try {
					admin
						.alterUserScramCredentials(KafkaAccess.scramPrincipals()
							.stream()
							.<UserScramCredentialAlteration>map(principal -> new UserScramCredentialUpsertion(principal,
									new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
									credentials.kafkaPasswordOf(principal)))
							.toList())
						.all()
						.get();
					Set<String> existing = admin.listTopics().names().get();
					List<NewTopic> missing = new ArrayList<>();
					EventCatalog.topics()
						.stream()
						.filter(topic -> !existing.contains(topic))
						.forEach(topic -> missing
							.add(new NewTopic(topic, PARTITIONS, (short) 1).configs(EventCatalog.TOPIC_SETTINGS)));
					KafkaAccess.deadLetterTopics()
						.stream()
						.filter(topic -> !existing.contains(topic))
						.forEach(topic -> missing.add(new NewTopic(topic, 1, (short) 1)));
					if (!missing.isEmpty()) {
						admin.createTopics(missing).all().get();
					}
					// a stack made before the event topics kept every event: they do from
					// now on
					admin.incrementalAlterConfigs(EventCatalog.topics()
						.stream()
						.filter(existing::contains)
						.collect(Collectors.toMap(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic),
								topic -> EventCatalog.TOPIC_SETTINGS.entrySet()
									.stream()
									.map(setting -> new AlterConfigOp(
											new ConfigEntry(setting.getKey(), setting.getValue()),
											AlterConfigOp.OpType.SET))
									.toList())))
						.all()
						.get();
					admin.createAcls(KafkaAccess.acls()).all().get();
					LocalStack.log("Kafka is ready; topics %s have %d partitions each; SASL/SCRAM and ACLs for %s",
							EventCatalog.topics(), PARTITIONS, KafkaAccess.scramPrincipals());
					writeClientConfigs();
					return;
				}
				catch (ExecutionException e) {
					if (!process().isAlive() || System.nanoTime() > deadline) {
						throw new IllegalStateException("Kafka did not start; see " + process().log(), e);
					}
					TimeUnit.MILLISECONDS.sleep(500);
				}
			}
		}
	}

	/**
	 * Client configurations for the topics, readable by their owner only: for kcat
	 * ({@code kcat -F .decoop/kcat/subscriber.conf ...}) and for Kafka's own Java tools
	 * ({@code --consumer.config .decoop/kafka/subscriber.properties}). The read-only
	 * principal for everyone, the broker's super user for an operator's chores
	 * (dead-letter topics, replays).
	 */
	void writeClientConfigs() throws IOException {
		for (String principal : List.of(KafkaAccess.SUBSCRIBER, KafkaAccess.BENCH, KafkaAccess.BROKER)) {
			boolean broker = principal.equals(KafkaAccess.BROKER);
			String password = credentials.kafkaPasswordOf(principal);
			writePrivate(kcatConfig(principal), """
					# kcat -F <this file> ... : signs in to the local stack's broker as %s
					bootstrap.servers=%s
					security.protocol=SASL_PLAINTEXT
					sasl.mechanisms=%s
					sasl.username=%s
					sasl.password=%s
					""".formatted(principal, options.kafkaBootstrap(), broker ? "PLAIN" : "SCRAM-SHA-512", principal,
					password));
			writePrivate(toolConfig(principal),
					"""
							# --consumer.config / --producer.config / --command-config of Kafka's tools: signs in as %s
							bootstrap.servers=%s
							security.protocol=SASL_PLAINTEXT
							sasl.mechanism=%s
							sasl.jaas.config=%s required username="%s" password="%s";
							"""
						.formatted(principal, options.kafkaBootstrap(), broker ? "PLAIN" : "SCRAM-SHA-512",
								broker ? "org.apache.kafka.common.security.plain.PlainLoginModule"
										: "org.apache.kafka.common.security.scram.ScramLoginModule",
								principal, password));
		}
	}

	private Path kcatConfig(String principal) {
		return options.home().resolve("kcat").resolve(principal + ".conf");
	}

	private Path toolConfig(String principal) {
		return options.home().resolve("kafka").resolve(principal + ".properties");
	}

	private static void writePrivate(Path file, String content) throws IOException {
		// a file of the stack's home, never a root
		OwnerOnly.restrict(Objects.requireNonNull(file.getParent(), "the folder of " + file));
		Files.deleteIfExists(file);
		OwnerOnly.createFile(file);
		Files.writeString(file, content);
	}

	@Override
	String describe() {
		return row("Kafka",
				"%s   topics: %s".formatted(options.kafkaBootstrap(), String.join(", ", EventCatalog.topics())));
	}

	/** The welcome's lines on reading the topics. */
	String instructions() {
		return """
				  Read the topics as the read-only principal %s (the broker requires SASL; passwords in %s):
				  kcat -F %s -C -t partnership-events -f '%%k %%h\\n%%s\\n\\n'
				  (kcat needs librdkafka 2.6.1 or newer for SCRAM with Kafka 4; or Kafka's own console consumer:)
				  java -cp '%s/*' org.apache.kafka.tools.consumer.ConsoleConsumer --consumer.config %s \\
				    --bootstrap-server %s --group %s$USER --topic partnership-events --from-beginning --property print.headers=true
				"""
			.formatted(KafkaAccess.SUBSCRIBER, credentials.file(), kcatConfig(KafkaAccess.SUBSCRIBER),
					options.jars().resolve("local-stack").resolve("target").resolve("lib"),
					toolConfig(KafkaAccess.SUBSCRIBER), options.kafkaBootstrap(), KafkaAccess.SUBSCRIBER_GROUP_PREFIX);
	}

}
