package org.decoop.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.decoop.events.Topics;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The benchmark harness (DESIGN.md, "Benchmark harness"): one run against the running
 * local stack measures the baselines with the real tools and the product, prints the
 * table of figures and ratios, and writes {@code bench-report.json} and
 * {@code bench-report.html}.
 *
 * <pre>java -jar bench/target/bench.jar [--quick]</pre>
 *
 * Its data goes through the public API as the demo users: two local authorities of its
 * own (codes {@code FR-BENCH-<run>}, {@code RS-BENCH-<run>}) and the partnerships between
 * them, which stay (partnerships are never deleted); its inbox subscription, topics and
 * store database are removed at the end.
 */
public final class Bench {

	private static final String STEWARD = "embassy";

	private static final String OPS = "ops";

	private static final long UNLIMITED = Long.MAX_VALUE;

	private final Options options;

	private final Api api;

	private final Load load;

	private final Report report = new Report();

	private final String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

	private final Baselines baselines;

	private final boolean wrk = Wrk.available();

	/** Made by prepare(): a partnership between the run's two local authorities. */
	private @Nullable String establishBody;

	private final AtomicLong commandsAnswered = new AtomicLong();

	/** How many instances of each service run (the local stack's --replicas). */
	private int instances = 1;

	/** Whether the gateway answers on its port: the front-door figures need it. */
	private boolean gateway;

	private Bench(Options options) {
		this.options = options;
		this.api = new Api(options);
		this.load = new Load(api);
		this.baselines = new Baselines(options, runId);
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		Options options = Options.parse(args);
		Bench bench = new Bench(options);
		long start = System.nanoTime();
		bench.run();
		System.out.printf("%nbench run %s (%s) took %d s; reports in %s%n", bench.runId,
				options.quick() ? "quick" : "default", (System.nanoTime() - start) / 1_000_000_000L,
				options.out().toAbsolutePath());
		System.exit(0);
	}

	private void run() throws Exception {
		step("checking the local stack");
		api.call(api.get(options.partnership() + "/actuator/health/readiness"), 200);
		api.call(api.get(options.notification() + "/actuator/health/readiness"), 200);
		instances = Instances.running(List.of(options.partnership(), options.plan(), options.notification()), 2,
				instance -> answers(instance + "/actuator/health/readiness"));
		gateway = answers(options.gateway() + "/actuator/health");
		System.out.printf("  %d instance(s) of each service; the gateway %s%n", instances,
				gateway ? "answers on " + options.gateway() : "does not answer: no front-door figures");
		if (!gateway) {
			report.notes.add("the gateway did not answer on %s: no figure through it".formatted(options.gateway()));
		}

		step("baseline: Kafka ProducerPerformance (512 B, acks=all)");
		report.baselines.put("kafkaProducerRecordsPerSec", baselines.producerRecordsPerSec());
		step("baseline: Kafka EndToEndLatency");
		report.baselines.put("kafkaEndToEndP99Ms", baselines.endToEndP99Ms());
		step("baseline: HTTP GET /actuator/health/liveness, %d connections (a run to warm it up, then the quiet machine's)"
			.formatted(Options.CONNECTIONS));
		trivial();
		quietBaseline();
		Load.Result trivial = trivial();
		if (!wrk) {
			report.notes.add(
					"wrk is not installed (apt install wrk): the closed-loop rates were measured with the JDK's HTTP client, "
							+ "which takes more of the machine");
		}
		report.baselines.put("trivialHttpRequestsPerSec", trivial.perSecond());
		step("baseline: the store, updates by _id with the MongoDB driver");
		report.baselines.put("storeUpdateByIdPerSec", baselines.storeUpdateByIdPerSec());
		System.out.println("  " + report.baselines);

		prepare();
		String subscription = api
			.call(api.post(options.notification() + "/api/subscriptions", STEWARD,
					"{\"subscriber\": \"bench %s\", \"channel\": \"INBOX\"}".formatted(runId)), 201)
			.get("id")
			.asString();
		try (SseClient sse = new SseClient(api,
				options.notification() + "/api/subscriptions/" + subscription + "/stream", STEWARD)) {
			measure(sse, subscription);
		}
		finally {
			api.send(
					HttpRequest.newBuilder(api.get(options.notification() + "/api/subscriptions/" + subscription).uri())
						.header("Authorization", "Bearer " + api.token(STEWARD))
						.DELETE()
						.build());
			baselines.cleanUp();
		}

		Map<String, Long> memory = StackMemory.residentMb();
		report.memory.putAll(memory);
		report.results.put("stackRssMb", (double) memory.values().stream().mapToLong(Long::longValue).sum());
		report.results.put("serviceRssMaxMb", (double) StackMemory.largestServiceInstanceMb());
		restarts();
		report.computeRatios();
		System.out.println();
		System.out.println(report.table());
		report.write(options.out());
	}

	private void measure(SseClient sse, String subscription) throws Exception {
		step("list and search at about %d partnerships".formatted(options.smallList()));
		long existing = partnerships();
		if (existing > options.smallList() * 3L / 2) {
			report.notes.add(
					"the store held %d partnerships at the start, so listP50MsAt1k was measured at %d: run on a fresh stack (--fresh)"
						.formatted(existing, existing));
		}
		establish(options.smallList() - existing);
		settle(sse);
		report.results.put("listP50MsAt1k", listP50());

		step("commands: POST /api/partnerships, %d connections, %d s".formatted(Options.CONNECTIONS,
				options.commandDuration().toSeconds()));
		Load.Result commands = wrk
				? Wrk.post(options.partnership() + "/api/partnerships", api.token(STEWARD), establishBody(),
						Options.CONNECTIONS, options.commandDuration())
				: load.closedLoop(Options.CONNECTIONS, options.commandDuration(), UNLIMITED, 201,
						this::establishRequest, answered());
		if (wrk) {
			commandsAnswered.addAndGet(commands.ok());
		}
		report.results.put("commandRequestsPerSec", commands.perSecond());
		System.out.printf("  %.0f commands/s (%d failed)%n", commands.perSecond(), commands.failed());
		settle(sse);
		if (gateway) {
			// the same load, with the same tool, through the front door
			step("commands through the gateway: POST %s/api/partnerships, %d connections, %d s"
				.formatted(options.gateway(), Options.CONNECTIONS, options.commandDuration().toSeconds()));
			Load.Result throughGateway = wrk
					? Wrk.post(options.gateway() + "/api/partnerships", api.token(STEWARD), establishBody(),
							Options.CONNECTIONS, options.commandDuration())
					: load.closedLoop(Options.CONNECTIONS, options.commandDuration(), UNLIMITED, 201,
							() -> api.post(options.gateway() + "/api/partnerships", STEWARD, establishBody()),
							answered());
			if (wrk) {
				commandsAnswered.addAndGet(throughGateway.ok());
			}
			report.results.put("gatewayCommandRequestsPerSec", throughGateway.perSecond());
			System.out.printf("  %.0f commands/s through the gateway (%d failed)%n", throughGateway.perSecond(),
					throughGateway.failed());
			settle(sse);
		}

		relay();
		settle(sse);

		sustained(sse);
		settle(sse);

		latency(sse, subscription);
		settle(sse);

		if (gateway) {
			gatewayAddedLatency();
			settle(sse);
		}
		report.results.put("instancesPerService", (double) instances);

		step("list and search at %d partnerships".formatted(options.largeList()));
		establish(options.largeList() - partnerships());
		settle(sse);
		long large = partnerships();
		if (large < options.largeList()) {
			report.notes.add("listP50MsAt100k was measured at %d partnerships".formatted(large));
		}
		else {
			report.notes.add("listP50MsAt100k was measured at %d partnerships (--large-list)".formatted(large));
		}
		report.results.put("listP50MsAt100k", listP50());
	}

	/**
	 * P1: the relay paused while commands pile events up in the outbox, then the time it
	 * takes to drain them.
	 */
	private void relay() throws Exception {
		int backlog = options.relayBacklog();
		step("relay: pausing it, %d commands, then draining the backlog".formatted(backlog));
		api.call(api.post(options.partnership() + "/actuator/outbox/pause", OPS, ""), 200);
		try (Admin admin = Admin.create(baselines.kafkaClient())) {
			long base = endOffsets(admin);
			Load.Result written;
			try {
				written = load.closedLoop(Options.CONNECTIONS, Duration.ofMinutes(10), backlog, 201,
						this::establishRequest, answered());
			}
			finally {
				api.call(api.post(options.partnership() + "/actuator/outbox/resume", OPS, ""), 200);
			}
			long start = System.nanoTime();
			long target = base + written.ok();
			long published = base;
			long deadline = start + Duration.ofMinutes(10).toNanos();
			while (published < target && System.nanoTime() < deadline) {
				LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
				published = endOffsets(admin);
				report.relayBacklog.add(new double[] { (System.nanoTime() - start) / 1e9, target - published });
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			report.results.put("relayEventsPerSec", (published - base) / seconds);
			System.out.printf("  %d events drained in %.1f s: %.0f events/s%n", published - base, seconds,
					(published - base) / seconds);
		}
	}

	/**
	 * P2: commands at a steady rate above half the command rate, for minutes;
	 * notifications received per second.
	 */
	private void sustained(SseClient sse) {
		double rate = 0.55 * Report.figure(report.results, "commandRequestsPerSec");
		step("sustained: %.0f commands/s open loop for %d s, notifications on an SSE client".formatted(rate,
				options.sustained().toSeconds()));
		long answeredBefore = commandsAnswered.get();
		long receivedBefore = sse.received();
		long start = System.nanoTime();
		Thread sampler = Thread.ofVirtual().start(() -> {
			long lastAnswered = commandsAnswered.get();
			long lastReceived = sse.received();
			while (!Thread.currentThread().isInterrupted()) {
				LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
				long answered = commandsAnswered.get();
				long received = sse.received();
				double t = (System.nanoTime() - start) / 1e9;
				report.throughput.add(new double[] { t, answered - lastAnswered, received - lastReceived });
				report.pipelineBacklog
					.add(new double[] { t, (answered - answeredBefore) - (received - receivedBefore) });
				lastAnswered = answered;
				lastReceived = received;
			}
		});
		Load.Result result = load.openLoop(rate, options.sustained(), 201, this::establishRequest, answered());
		double seconds = (System.nanoTime() - start) / 1e9;
		long received = sse.received() - receivedBefore;
		sampler.interrupt();
		report.results.put("pipelineEventsPerSec", received / seconds);
		double maxBacklog = report.pipelineBacklog.stream().mapToDouble(row -> row[1]).max().orElse(0);
		double finalBacklog = report.pipelineBacklog.isEmpty() ? 0 : report.pipelineBacklog.getLast()[1];
		report.notes.add(
				"sustained phase: %d commands answered (%d failed) at %.0f/s offered; backlog at most %.0f, %.0f at the end"
					.formatted(result.ok(), result.failed(), rate, maxBacklog, finalBacklog));
		System.out.printf("  %.0f notifications/s received; backlog at most %.0f%n", received / seconds, maxBacklog);
	}

	/**
	 * P3: at half the sustained rate, open loop, from each command's answer to its
	 * notification on the SSE client. Two more clients of the same subscription listen
	 * meanwhile: one through the gateway, and with two instances one connected to the
	 * second notification-service instance directly (the cross-instance figure: Kafka
	 * splits the events' partitions between the instances, so the notifications it
	 * streams were stored by either, each stream reading what any instance stored).
	 */
	private void latency(SseClient sse, String subscription) {
		double rate = Math.max(1, Report.figure(report.results, "pipelineEventsPerSec") / 2);
		step("latency: %.0f commands/s open loop for %d s".formatted(rate, options.latencyDuration().toSeconds()));
		String stream = "/api/subscriptions/" + subscription + "/stream";
		Map<String, SseClient> listeners = new LinkedHashMap<>();
		if (gateway) {
			listeners.put("gateway", new SseClient(api, options.gateway() + stream, STEWARD));
		}
		if (instances > 1) {
			listeners.put("instance 2", new SseClient(api, Instances.url(options.notification(), 2) + stream, STEWARD));
		}
		listeners.forEach((name, listener) -> {
			if (!listener.awaitOpen(Duration.ofSeconds(30))) {
				report.notes.add("the SSE stream through %s did not open within 30 s".formatted(name));
			}
		});
		long receivedBefore = sse.received();
		Map<String, Long> answeredAt = new ConcurrentHashMap<>();
		try {
			load.openLoop(rate, options.latencyDuration(), 201, this::establishRequest, response -> {
				long now = System.nanoTime();
				commandsAnswered.incrementAndGet();
				answeredAt.put(Api.JSON.readTree(response.body()).get("id").asString(), now);
			});
			settle(sse);
			long expected = sse.received() - receivedBefore;
			listeners.forEach((name, listener) -> {
				if (!listener.awaitReceived(expected, Duration.ofMinutes(1))) {
					report.notes.add("the SSE client through %s received %d of %d notifications".formatted(name,
							listener.received(), expected));
				}
			});
			SseClient throughGateway = listeners.get("gateway");
			if (throughGateway != null) {
				List<Double> viaGateway = Latencies.answerToArrival(answeredAt, throughGateway::arrivalOf);
				report.results.put("gatewayPipelineLatencyP50Ms", Latencies.percentile(viaGateway, 0.50));
				report.results.put("gatewayPipelineLatencyP99Ms", Latencies.percentile(viaGateway, 0.99));
			}
			SseClient secondInstance = listeners.get("instance 2");
			if (secondInstance != null) {
				List<Double> crossing = Latencies.answerToArrival(answeredAt, secondInstance::arrivalOf);
				report.results.put("crossInstanceStreamP50Ms", Latencies.percentile(crossing, 0.50));
				report.results.put("crossInstanceStreamP99Ms", Latencies.percentile(crossing, 0.99));
				System.out.printf("  on instance 2: %d notified, p50 %.1f ms, p99 %.1f ms%n", crossing.size(),
						Latencies.percentile(crossing, 0.50), Latencies.percentile(crossing, 0.99));
			}
			else {
				report.notes.add(
						"one instance of each service: no cross-instance stream figure (run the stack with --replicas=2)");
			}
		}
		finally {
			listeners.values().forEach(SseClient::close);
		}
		List<Double> latencies = Latencies.answerToArrival(answeredAt, sse::arrivalOf);
		report.latency.put("p50", Latencies.percentile(latencies, 0.50));
		report.latency.put("p90", Latencies.percentile(latencies, 0.90));
		report.latency.put("p99", Latencies.percentile(latencies, 0.99));
		report.latency.put("p99.9", Latencies.percentile(latencies, 0.999));
		report.latency.put("max", latencies.isEmpty() ? 0 : latencies.getLast());
		report.results.put("pipelineLatencyP50Ms", Latencies.percentile(latencies, 0.50));
		report.results.put("pipelineLatencyP99Ms", Latencies.percentile(latencies, 0.99));
		System.out.printf("  %d of %d notified; %s%n", latencies.size(), answeredAt.size(), report.latency);
	}

	/**
	 * The gateway's added latency: the same command sent by one client, alternately to
	 * the first partnership-service instance directly and through the gateway, so that
	 * both series see the same stack; the difference of their percentiles.
	 */
	private void gatewayAddedLatency() {
		int samples = options.frontDoorSamples();
		step("the gateway's added latency: %d commands each way, one client, alternately".formatted(samples));
		String path = "/api/partnerships";
		List<Double> direct = new ArrayList<>();
		List<Double> throughGateway = new ArrayList<>();
		for (int i = 0; i < samples; i++) {
			// the order alternates too: neither way always follows the other
			boolean gatewayFirst = i % 2 == 1;
			timeCommand(gatewayFirst ? options.gateway() + path : options.partnership() + path,
					gatewayFirst ? throughGateway : direct);
			timeCommand(gatewayFirst ? options.partnership() + path : options.gateway() + path,
					gatewayFirst ? direct : throughGateway);
		}
		double p50 = Latencies.added(direct, throughGateway, 0.50);
		double p99 = Latencies.added(direct, throughGateway, 0.99);
		report.results.put("gatewayAddedP50Ms", p50);
		report.results.put("gatewayAddedP99Ms", p99);
		Collections.sort(direct);
		Collections.sort(throughGateway);
		report.notes.add(
				"a command, one client: direct p50 %.1f ms, p99 %.1f ms; through the gateway p50 %.1f ms, p99 %.1f ms (%d each)"
					.formatted(Latencies.percentile(direct, 0.50), Latencies.percentile(direct, 0.99),
							Latencies.percentile(throughGateway, 0.50), Latencies.percentile(throughGateway, 0.99),
							samples));
		System.out.printf("  added by the gateway: p50 %.2f ms, p99 %.2f ms%n", p50, p99);
	}

	private void timeCommand(String url, List<Double> durations) {
		long start = System.nanoTime();
		api.call(api.post(url, STEWARD, establishBody()), 201);
		durations.add((System.nanoTime() - start) / 1e6);
		commandsAnswered.incrementAndGet();
	}

	/** The trivial endpoint's rate, 16 connections. */
	private Load.Result trivial() throws Exception {
		return wrk
				? Wrk.get(options.partnership() + "/actuator/health/liveness", Options.CONNECTIONS,
						options.httpDuration())
				: load.closedLoop(Options.CONNECTIONS, options.httpDuration(), UNLIMITED, 200,
						() -> api.get(options.partnership() + "/actuator/health/liveness"), response -> {
						});
	}

	/**
	 * Waits (at most 2 minutes) for a quiet machine before the trivial endpoint's
	 * baseline, and says how quiet it was.
	 */
	private void quietBaseline() throws IOException {
		Quiet.State quiet = Quiet.await(Duration.ofMinutes(2));
		report.results.put("baselineCpuIdlePercent", 100 * quiet.idle());
		report.results.put("baselineLoadAverage", quiet.loadAverage());
		report.notes
			.add("the trivial endpoint's baseline was taken after a warm-up run, on a machine %.0f %% idle over 5 s"
				.formatted(100 * quiet.idle())
					+ " (load average %.1f)%s".formatted(quiet.loadAverage(),
							quiet.quiet() ? "" : ": not quiet after 2 minutes of waiting, the baseline understates"));
		System.out.printf("  the machine %.0f %% idle, load average %.1f%n", 100 * quiet.idle(), quiet.loadAverage());
	}

	/**
	 * Back in seconds: every service's instances killed in turn with SIGKILL, from each
	 * kill to its readiness answering UP under the stack's supervisor.
	 */
	private void restarts() {
		List<Restarts.Kill> kills = Restarts.plan(
				List.of(options.partnership(), options.plan(), options.notification()), instances,
				options.killsPerService());
		step("back in seconds: %d kills (SIGKILL) of each service's instances, each until its readiness is UP"
			.formatted(options.killsPerService()));
		List<Double> durations = Restarts.measure(kills, url -> {
			try {
				return StackMemory.serviceListeningOn(Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)));
			}
			catch (IOException e) {
				return OptionalLong.empty();
			}
		}, this::answers);
		report.results.put("restartToReadyP50Ms", Latencies.percentile(durations, 0.50));
		report.results.put("restartToReadyMaxMs", durations.isEmpty() ? 0 : durations.getLast());
		System.out.printf("  back in p50 %.0f ms, max %.0f ms over %d kills%n", Latencies.percentile(durations, 0.50),
				durations.isEmpty() ? 0 : durations.getLast(), durations.size());
	}

	/**
	 * Two local authorities of this run, and the request body of a partnership between
	 * them.
	 */
	private void prepare() {
		step("registering the run's local authorities (run %s)".formatted(runId));
		String french = register("FR-BENCH-" + runId, "Bench " + runId + " (FR)", "FR");
		String serbian = register("RS-BENCH-" + runId, "Бенч " + runId + " (RS)", "RS");
		establishBody = "{\"partnerIds\": [\"%s\", \"%s\"], \"since\": 2020, \"themes\": [\"CULTURE\", \"YOUTH\"]}"
			.formatted(french, serbian);
	}

	private String register(String code, String name, String country) {
		String body = "{\"code\": \"%s\", \"name\": \"%s\", \"country\": \"%s\", \"kind\": \"MUNICIPALITY\"}"
			.formatted(code, name, country);
		return api.call(api.post(options.partnership() + "/api/local-authorities", STEWARD, body), 201)
			.get("id")
			.asString();
	}

	private HttpRequest establishRequest() {
		return api.post(options.partnership() + "/api/partnerships", STEWARD, establishBody());
	}

	private String establishBody() {
		String body = establishBody;
		if (body == null) {
			throw new IllegalStateException("The run's local authorities are not registered yet");
		}
		return body;
	}

	private Consumer<HttpResponse<String>> answered() {
		return response -> commandsAnswered.incrementAndGet();
	}

	/** Creates {@code count} more partnerships as fast as the stack takes them. */
	private void establish(long count) {
		if (count > 0) {
			System.out.printf("  creating %d partnerships%n", count);
			load.closedLoop(Options.CONNECTIONS, Duration.ofMinutes(30), count, 201, this::establishRequest,
					answered());
		}
	}

	/**
	 * Waits until the SSE client was told of every command answered so far: the next
	 * phase starts on a quiet stack.
	 */
	private void settle(SseClient sse) {
		if (!sse.awaitReceived(commandsAnswered.get(), Duration.ofMinutes(2))) {
			report.notes.add("%d notifications still missing after 2 minutes of waiting at %s"
				.formatted(commandsAnswered.get() - sse.received(), Instant.now()));
		}
	}

	private long partnerships() {
		JsonNode page = api.call(api.get(options.partnership() + "/api/partnerships?size=1"), 200);
		return page.get("page").get("totalElements").asLong();
	}

	/** p50 in ms of the partnership list and a search, one client, alternately. */
	private double listP50() {
		List<Double> durations = new ArrayList<>();
		for (int i = 0; i < options.listSamples(); i++) {
			String query = i % 2 == 0 ? "?size=20" : "?status=ACTIVE&country=RS&theme=CULTURE&size=20";
			long start = System.nanoTime();
			api.call(api.get(options.partnership() + "/api/partnerships" + query), 200);
			durations.add((System.nanoTime() - start) / 1e6);
		}
		Collections.sort(durations);
		double p50 = Latencies.percentile(durations, 0.5);
		System.out.printf("  p50 %.1f ms over %d requests%n", p50, durations.size());
		return p50;
	}

	private static long endOffsets(Admin admin) throws Exception {
		// allTopicNames() answers every topic asked for, or fails
		List<TopicPartition> partitions = Objects
			.requireNonNull(admin.describeTopics(List.of(Topics.PARTNERSHIP_EVENTS))
				.allTopicNames()
				.get()
				.get(Topics.PARTNERSHIP_EVENTS), Topics.PARTNERSHIP_EVENTS)
			.partitions()
			.stream()
			.map(partition -> new TopicPartition(Topics.PARTNERSHIP_EVENTS, partition.partition()))
			.toList();
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
		return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
	}

	/** Whether {@code url} answers 200 to a GET (nothing listening answers no). */
	private boolean answers(String url) {
		try {
			return api.http.send(api.get(url), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void step(String what) {
		System.out.printf("[%s] %s%n", Instant.now().toString().substring(11, 19), what);
	}

}
