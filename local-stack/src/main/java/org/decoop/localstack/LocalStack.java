package org.decoop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.Uuid;
import org.decoop.events.EventCatalog;


/**
 * The whole system on one machine with one command and no Docker: the real Keycloak (realm
 * {@code decoop}), a real Kafka broker run from Kafka's own server classes (KRaft, its own
 * process), the MongoDB wire-protocol server mongo-java-server keeping its data on disk (H2),
 * and the three services as separate processes
 * on their default ports. Each logs to {@code .decoop/logs/}. A service that dies is started
 * again. Ctrl-C or SIGTERM stops everything.
 */
public final class LocalStack {

    static final int PARTITIONS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** The store's heap: its data is on disk (H2), the heap holds H2's cache and the requests in flight. */
    private static final String STORE_HEAP = "512m";
    private static final Duration RESTART_BACKOFF = Duration.ofSeconds(15);
    private static final List<String> SERVICES = List.of("partnership-service", "plan-service", "notification-service");

    private final StackOptions options;
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private final String classPath = System.getProperty("java.class.path");
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    private final Map<String, Long> lastRestart = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Keycloak identity;
    private Credentials credentials;
    private ChildProcess keycloak;
    private ChildProcess zipkin;
    private ChildProcess mail;
    private ChildProcess kafka;
    private ChildProcess mongo;
    private ScheduledExecutorService supervisor;
    private volatile boolean stopping;
    /** Set first thing on Ctrl-C / SIGTERM, before children killed by the same signal make the start fail. */
    private volatile boolean shuttingDown;

    LocalStack(StackOptions options) {
        this.options = options;
        this.identity = new Keycloak(options);
    }

    public static void main(String[] args) throws Exception {
        // The broker and the services log to their own files; keep this console to the stack's own lines.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        System.setProperty("org.slf4j.simpleLogger.log.de.bwaldvogel", "error");
        StackOptions options;
        try {
            options = StackOptions.parse(List.of(args));
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.shuttingDown = true;
            stack.stop();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start();
            if (options.demo()) {
                new Demo(options).load();
            }
            stack.printWelcome();
        }
        catch (Exception e) {
            if (stack.shuttingDown) {
                // Ctrl-C while starting: the shutdown hook stops everything; what failed meanwhile is its doing.
                stopped.await();
                return;
            }
            System.err.println("The stack did not start: " + Objects.requireNonNullElse(e.getMessage(), e.toString()));
            System.err.println("Logs: " + options.logs());
            System.exit(1);
        }
        stopped.await();
    }

    void start() throws Exception {
        warnIfOpen();
        if (options.fresh()) {
            deleteRecursively(options.data());
            // New data, new secrets: the old key would only decrypt webhook secrets that are gone.
            Files.deleteIfExists(options.home().resolve("credentials.properties"));
        }
        Files.createDirectories(options.data());
        Files.createDirectories(options.logs());
        credentials = Credentials.in(options.home());
        for (String service : SERVICES) {
            built(jarOf(service));
        }
        // Keycloak takes longest: it starts first and comes up while Kafka and the services do.
        keycloak = identity.prepare(options.fresh(), javaHome());
        // The home holds secrets (Keycloak's realm keys, the store, passwords): its owner's only, what the stack
        // just made and what an earlier version left readable; the children write with umask 077 from here on.
        OwnerOnly.restrict(options.home());
        keycloak.start();
        log("started Keycloak (pid %d) on %s, logging to %s", keycloak.pid(), identity.issuer(), keycloak.log());
        log("tokens, once it is ready: curl -s -d grant_type=password -d client_id=%s -d username=nevers -d password=decoop %s",
                Keycloak.CLI_CLIENT, identity.tokenUrl());
        startZipkin();
        startMail();
        startMongo();
        startKafka();
        prepareKafka();
        for (String service : SERVICES) {
            ChildProcess child = serviceProcess(service);
            services.put(service, child);
            child.start();
            log("started %s (pid %d), logging to %s", service, child.pid(), child.log());
        }
        for (String service : SERVICES) {
            awaitReady(service);
        }
        awaitReady("Keycloak (realm " + Keycloak.REALM + ")", keycloak, identity.readiness());
        supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-stack-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        supervisor.scheduleWithFixedDelay(this::restartDeadServices, 2, 2, TimeUnit.SECONDS);
    }

    /**
     * Zipkin, from Maven Central's {@code io.zipkin:zipkin-server} exec jar, keeping the traces in
     * memory (the newest 20 000 spans): where a person looks at one trace of a command.
     */
    private void startZipkin() throws IOException {
        Path jar = built(options.jars().resolve("local-stack").resolve("target").resolve("zipkin").resolve("zipkin.jar"));
        zipkin = new ChildProcess("zipkin", List.of(java, "-Xms32m", "-Xmx128m", "-XX:MaxDirectMemorySize=32m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString()), Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", "20000",
                "JAVA_OPTS", "",
                // Zipkin's Armeria server listens where it is told: a list property, given whole
                "ARMERIA_PORTS_0_IP", options.bind(), "ARMERIA_PORTS_0_PORT", Integer.toString(options.zipkinPort()),
                "ARMERIA_PORTS_0_PROTOCOLS_0", "http"), options.logs().resolve("zipkin.log"));
        zipkin.start();
        log("started Zipkin (pid %d) on %s, logging to %s", zipkin.pid(), options.zipkinUrl(), zipkin.log());
    }

    /**
     * GreenMail, from Maven Central's {@code com.icegreen:greenmail-standalone}: an SMTP server that
     * accepts every e-mail the stack sends (per-event e-mails, digests) and keeps them in memory,
     * readable through its REST API. No mail leaves the machine.
     */
    private void startMail() throws IOException {
        Path jar = built(options.jars().resolve("local-stack").resolve("target").resolve("greenmail").resolve("greenmail.jar"));
        mail = new ChildProcess("greenmail", List.of(java, "-Xms16m", "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=" + options.bind(), "-Dgreenmail.smtp.port=" + options.smtpPort(),
                "-Dgreenmail.api.hostname=" + options.bind(), "-Dgreenmail.api.port=" + options.mailPort(),
                "-Dgreenmail.auth.disabled", "-jar", jar.toString()), Map.of(), options.logs().resolve("greenmail.log"));
        mail.start();
        log("started GreenMail (pid %d): SMTP on 127.0.0.1:%d, what it caught on %s/api/user/<address>/messages/INBOX",
                mail.pid(), options.smtpPort(), options.mailUrl());
    }

    /**
     * The MongoDB-compatible store (mongo-java-server, H2 on disk) in a JVM of its own with a bounded
     * heap: inside the launcher's JVM it had none (a quarter of the machine) and grew with the data.
     */
    private void startMongo() throws IOException, InterruptedException {
        // the parallel collector: young collections of a busy store took 0.3 s on one thread (profiled)
        mongo = new ChildProcess("store", List.of(java, "-Xms64m", "-Xmx" + STORE_HEAP, "-XX:+UseParallelGC", "-cp", classPath,
                MongoStandIn.class.getName(), Integer.toString(options.mongoPort()), options.data().toString(), options.bind()),
                Map.of(), options.logs().resolve("store.log"));
        mongo.start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!accepts(options.mongoPort())) {
            if (!mongo.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The store did not start; see " + mongo.log());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        log("MongoDB-compatible store (mongo-java-server, H2 on disk, heap at most %s; pid %d) on 127.0.0.1:%d, logging to %s",
                STORE_HEAP, mongo.pid(), options.mongoPort(), mongo.log());
    }

    /** {@code file}, which the build puts there; says how to get it when it is missing. */
    static Path built(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build first with ./mvnw -B -DskipTests package");
        }
        return file;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        }
        catch (IOException notYet) {
            return false;
        }
    }

    /**
     * The broker requires SASL on every listener and authorizes with Kafka's StandardAuthorizer:
     * the broker itself signs in with PLAIN (its only static user, the one super user; SCRAM
     * cannot serve KRaft's controller listener), everybody else with SCRAM-SHA-512 and the ACLs
     * of {@link KafkaAccess}. No client creates topics.
     */
    private void startKafka() throws Exception {
        Path logDir = options.data().resolve("kafka");
        Path config = options.home().resolve("kafka-server.properties");
        String brokerLogin = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%1$s\" password=\"%2$s\" user_%1$s=\"%2$s\";"
                .formatted(KafkaAccess.BROKER, credentials.kafkaPasswordOf(KafkaAccess.BROKER));
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + options.controllerPort());
        properties.setProperty("listeners", "SASL_PLAINTEXT://%s:%d,CONTROLLER://127.0.0.1:%d"
                .formatted(options.bind(), options.kafkaPort(), options.controllerPort()));
        properties.setProperty("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + options.kafkaPort());
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "SASL_PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
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
        properties.setProperty("log.dirs", logDir.toString());
        properties.setProperty("num.partitions", Integer.toString(PARTITIONS));
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        // the log cleaner's buffer is on the heap (128 MB by default); compacted topics here are small
        properties.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        // it holds the broker's password: its owner only
        Files.deleteIfExists(config);
        OwnerOnly.createFile(config);
        try (var out = Files.newBufferedWriter(config)) {
            properties.store(out, "written by local-stack");
        }
        Path kafkaLog = options.logs().resolve("kafka.log");
        OwnerOnly.createFile(kafkaLog);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            List<String> command = new ArrayList<>(OwnerOnly.UMASK_077);
            command.addAll(List.of(java, "-cp", classPath, "kafka.tools.StorageTool", "format",
                    "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
            Process format = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(kafkaLog.toFile())).start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException("Formatting Kafka's storage failed; see " + kafkaLog);
            }
        }
        kafka = new ChildProcess("kafka", List.of(java, "-Xms64m", "-Xmx192m", "-XX:+UseSerialGC", "-cp", classPath,
                "kafka.Kafka", config.toString()), Map.of(), kafkaLog);
        kafka.start();
        log("started the Kafka broker (pid %d) on %s (SASL), logging to %s", kafka.pid(), options.kafkaBootstrap(), kafkaLog);
    }

    /** What the stack's own admin client needs to sign in as the broker's super user. */
    private Map<String, Object> brokerClient() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafkaBootstrap());
        config.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"%s\" password=\"%s\";".formatted(KafkaAccess.BROKER, credentials.kafkaPasswordOf(KafkaAccess.BROKER)));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return config;
    }

    /**
     * Before any service runs: the principals' SCRAM credentials, the three topics and the
     * dead-letter topics (clients create none), and the ACLs. All idempotent: every start makes
     * sure of them.
     */
    private void prepareKafka() throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(brokerClient())) {
            while (true) {
                try {
                    admin.alterUserScramCredentials(KafkaAccess.scramPrincipals().stream()
                            .<UserScramCredentialAlteration>map(principal -> new UserScramCredentialUpsertion(principal,
                                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                                    credentials.kafkaPasswordOf(principal)))
                            .toList()).all().get();
                    Set<String> existing = admin.listTopics().names().get();
                    List<NewTopic> missing = new ArrayList<>();
                    EventCatalog.topics().stream().filter(topic -> !existing.contains(topic))
                            .forEach(topic -> missing.add(new NewTopic(topic, PARTITIONS, (short) 1)
                                    .configs(KafkaAccess.KEEP_EVERY_EVENT)));
                    KafkaAccess.deadLetterTopics().stream().filter(topic -> !existing.contains(topic))
                            .forEach(topic -> missing.add(new NewTopic(topic, 1, (short) 1)));
                    if (!missing.isEmpty()) {
                        admin.createTopics(missing).all().get();
                    }
                    // a stack made before the event topics kept every event: they do from now on
                    admin.incrementalAlterConfigs(EventCatalog.topics().stream().filter(existing::contains).collect(Collectors.toMap(
                            topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic),
                            topic -> KafkaAccess.KEEP_EVERY_EVENT.entrySet().stream()
                                    .map(setting -> new AlterConfigOp(new ConfigEntry(setting.getKey(), setting.getValue()),
                                            AlterConfigOp.OpType.SET))
                                    .toList()))).all().get();
                    admin.createAcls(KafkaAccess.acls()).all().get();
                    log("Kafka is ready; topics %s have %d partitions each; SASL/SCRAM and ACLs for %s",
                            EventCatalog.topics(), PARTITIONS, KafkaAccess.scramPrincipals());
                    writeClientConfigs();
                    return;
                }
                catch (ExecutionException e) {
                    if (!kafka.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka did not start; see " + kafka.log(), e);
                    }
                    TimeUnit.MILLISECONDS.sleep(500);
                }
            }
        }
    }

    /**
     * Client configurations for the topics, readable by their owner only: for kcat
     * ({@code kcat -F .decoop/kcat/subscriber.conf ...}) and for Kafka's own Java tools
     * ({@code --consumer.config .decoop/kafka/subscriber.properties}). The read-only principal for
     * everyone, the broker's super user for an operator's chores (dead-letter topics, replays).
     */
    private void writeClientConfigs() throws IOException {
        for (String principal : List.of(KafkaAccess.SUBSCRIBER, KafkaAccess.BENCH, KafkaAccess.BROKER)) {
            boolean broker = principal.equals(KafkaAccess.BROKER);
            String password = credentials.kafkaPasswordOf(principal);
            writePrivate(options.home().resolve("kcat").resolve(principal + ".conf"), """
                    # kcat -F <this file> ... : signs in to the local stack's broker as %s
                    bootstrap.servers=%s
                    security.protocol=SASL_PLAINTEXT
                    sasl.mechanisms=%s
                    sasl.username=%s
                    sasl.password=%s
                    """.formatted(principal, options.kafkaBootstrap(), broker ? "PLAIN" : "SCRAM-SHA-512", principal, password));
            writePrivate(options.home().resolve("kafka").resolve(principal + ".properties"), """
                    # --consumer.config / --producer.config / --command-config of Kafka's tools: signs in as %s
                    bootstrap.servers=%s
                    security.protocol=SASL_PLAINTEXT
                    sasl.mechanism=%s
                    sasl.jaas.config=%s required username="%s" password="%s";
                    """.formatted(principal, options.kafkaBootstrap(), broker ? "PLAIN" : "SCRAM-SHA-512",
                    broker ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                            : "org.apache.kafka.common.security.scram.ScramLoginModule", principal, password));
        }
    }

    private static void writePrivate(Path file, String content) throws IOException {
        OwnerOnly.restrict(file.getParent());
        Files.deleteIfExists(file);
        OwnerOnly.createFile(file);
        Files.writeString(file, content);
    }

    private ChildProcess serviceProcess(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(portOf(service)));
        environment.put("SERVER_ADDRESS", options.bind());
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", options.kafkaBootstrap());
        environment.put("DECOOP_KAFKA_USERNAME", service);
        environment.put("DECOOP_KAFKA_PASSWORD", credentials.kafkaPasswordOf(service));
        environment.put("SPRING_MONGODB_URI", options.mongoUri(databaseOf(service)));
        // the stand-in store reads a conditional write {_id, version} from this unique index only; MongoDB needs none
        environment.put("DECOOP_MONGO_VERSION_INDEX", "true");
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", identity.issuer());
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", identity.jwkSetUri());
        environment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", options.zipkinUrl() + "/api/v2/spans");
        if (service.equals("notification-service")) {
            // Local receivers (a webhook on localhost) are what a developer tests with.
            environment.put("DECOOP_NOTIFICATION_ALLOW_PRIVATE_TARGETS", "true");
            environment.put("DECOOP_NOTIFICATION_SECRET_KEY", credentials.get(Credentials.SECRET_KEY));
            environment.put("SPRING_MAIL_HOST", "127.0.0.1");
            environment.put("SPRING_MAIL_PORT", Integer.toString(options.smtpPort()));
            // confirmation links in e-mails point at this notification-service, whatever its port
            environment.put("DECOOP_NOTIFICATION_EMAIL_PUBLIC_URL", urlOf(service));
        }
        // C2 too (no TieredStopAtLevel=1): a little more memory and start-up time, much more throughput
        List<String> command = new ArrayList<>(List.of(java, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                "-jar", jarOf(service).toString()));
        return new ChildProcess(service, command, environment, options.logs().resolve(service + ".log"));
    }

    private void awaitReady(String service) throws InterruptedException {
        awaitReady(service, services.get(service), URI.create(urlOf(service) + "/actuator/health/readiness"));
    }

    /** Waits until {@code readiness} answers 200; fails when the process stops or the time is up. */
    private void awaitReady(String name, ChildProcess process, URI readiness) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + process.log());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    log("%s is ready", name);
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + process.log());
    }

    /** The JDK this stack runs on, for Keycloak's kc.sh (which needs Java 21 or newer, as the stack does). */
    private static String javaHome() {
        return System.getProperty("java.home");
    }

    /**
     * Starts again, with its data, whatever stopped on its own: a service, the broker (commands are
     * still accepted meanwhile; their events wait in the outbox) or Keycloak.
     */
    private void restartDeadServices() {
        long now = System.nanoTime();
        Map<String, ChildProcess> supervised = new LinkedHashMap<>(services);
        supervised.put("the Kafka broker", kafka);
        supervised.put("Keycloak", keycloak);
        supervised.put("Zipkin", zipkin);
        supervised.put("the store", mongo);
        supervised.put("GreenMail", mail);
        supervised.forEach((name, child) -> {
            // At most one restart per process every RESTART_BACKOFF: one that cannot start does not spin.
            Long last = lastRestart.get(name);
            if (!stopping && child != null && !child.isAlive() && (last == null || now - last > RESTART_BACKOFF.toNanos())) {
                lastRestart.put(name, now);
                try {
                    log("%s stopped unexpectedly; starting it again (its data is kept)", name);
                    child.start();
                }
                catch (IOException e) {
                    log("could not restart %s: %s", name, e.getMessage());
                }
            }
        });
    }

    /** Said first and in the welcome: with --bind=0.0.0.0, anyone on the network can sign in as the demo users. */
    private void warnIfOpen() {
        if (options.openToTheNetwork()) {
            System.out.println(openWarning());
        }
    }

    private String openWarning() {
        String line = "!".repeat(100);
        return String.join("\n", line,
                "!! --bind=%s: EVERY PART OF THE STACK LISTENS ON EVERY INTERFACE. Anyone who can reach this machine can"
                        .formatted(options.bind()),
                "!! get a token as embassy, skgo or ops (demo password: decoop), read and write the store and Kafka's",
                "!! topics, and make notification-service send webhooks to private addresses. Use it on a trusted network only.",
                line);
    }

    void printWelcome() {
        StringBuilder text = new StringBuilder("\ndecoop is running.\n\n");
        for (String service : SERVICES) {
            text.append("  %-21s %s/api   Swagger UI %s/swagger-ui.html%n".formatted(service, urlOf(service), urlOf(service)));
        }
        text.append("  %-21s %s   topics: %s%n".formatted("Kafka", options.kafkaBootstrap(), String.join(", ", EventCatalog.topics())));
        text.append("  %-21s mongodb://127.0.0.1:%d  (data in %s)%n".formatted("MongoDB", options.mongoPort(), options.data()));
        text.append("  %-21s %s   (demo users' password: decoop)%n".formatted("Keycloak", identity.issuer()));
        text.append("  %-21s %s   (one trace per command: its relay, consumers, deliveries)%n".formatted("Zipkin", options.zipkinUrl()));
        text.append("  %-21s smtp://127.0.0.1:%d, caught e-mails: %s/api/user/<address>/messages/INBOX%n".formatted("GreenMail",
                options.smtpPort(), options.mailUrl()));
        text.append("  %-21s %s%n%n".formatted("logs", options.logs()));
        text.append(options.openToTheNetwork() ? openWarning() + "%n%n".formatted()
                : "  Everything listens on 127.0.0.1 only (--bind=0.0.0.0 opens it to the network).%n%n".formatted());
        text.append("  Get a token (users: embassy, skgo, suresnes, kragujevac, nevers, sremska-mitrovica, ops):%n".formatted());
        text.append("  TOKEN=$(curl -s -d grant_type=password -d client_id=%s -d username=nevers -d password=decoop %s | jq -r .access_token)%n"
                .formatted(Keycloak.CLI_CLIENT, identity.tokenUrl()));
        text.append("  curl -H \"Authorization: Bearer $TOKEN\" ...%n%n".formatted());
        text.append("  Read the topics as the read-only principal %s (the broker requires SASL; passwords in %s):%n"
                .formatted(KafkaAccess.SUBSCRIBER, credentials.file()));
        text.append("  kcat -F %s -C -t partnership-events -f '%%k %%h\\n%%s\\n\\n'%n"
                .formatted(options.home().resolve("kcat").resolve(KafkaAccess.SUBSCRIBER + ".conf")));
        text.append("  (kcat needs librdkafka 2.6.1 or newer for SCRAM with Kafka 4; or Kafka's own console consumer:)%n".formatted());
        text.append("  java -cp '%s/*' org.apache.kafka.tools.consumer.ConsoleConsumer --consumer.config %s \\%n"
                .formatted(options.jars().resolve("local-stack").resolve("target").resolve("lib"),
                        options.home().resolve("kafka").resolve(KafkaAccess.SUBSCRIBER + ".properties")));
        text.append("    --bootstrap-server %s --group %s$USER --topic partnership-events --from-beginning --property print.headers=true%n"
                .formatted(options.kafkaBootstrap(), KafkaAccess.SUBSCRIBER_GROUP_PREFIX));
        text.append("\nCtrl-C stops everything; the data stays for the next start (--fresh wipes it).\n");
        System.out.println(text);
    }

    /** Stops the services, then the broker, then the store; safe to call more than once. */
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        log("stopping");
        if (supervisor != null) {
            supervisor.shutdownNow();
        }
        // the services and what nothing else depends on stop together; then the broker, then the store
        List<ChildProcess> first = new ArrayList<>(services.values());
        first.addAll(Stream.of(keycloak, zipkin, mail).filter(Objects::nonNull).toList());
        List<Thread> stops = new ArrayList<>();
        for (ChildProcess child : first) {
            Thread thread = new Thread(() -> child.stop(STOP_GRACE), "stop-" + child.name());
            thread.start();
            stops.add(thread);
        }
        stops.forEach(LocalStack::join);
        if (kafka != null) {
            kafka.stop(STOP_GRACE);
        }
        if (mongo != null) {
            mongo.stop(STOP_GRACE);
        }
        log("stopped");
    }

    String urlOf(String service) {
        return "http://localhost:" + portOf(service);
    }

    private int portOf(String service) {
        return switch (service) {
            case "partnership-service" -> options.partnershipPort();
            case "plan-service" -> options.planPort();
            default -> options.notificationPort();
        };
    }

    private static String databaseOf(String service) {
        return switch (service) {
            case "partnership-service" -> "partnerships";
            case "plan-service" -> "plans";
            default -> "notifications";
        };
    }

    private Path jarOf(String service) {
        return options.jars().resolve(service).resolve("target").resolve(service + ".jar");
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[local-stack] " + format + "%n", args);
    }
}
