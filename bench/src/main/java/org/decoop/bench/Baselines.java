package org.decoop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * What the machine's parts can do on their own, measured with their own tools in the same
 * run: Kafka's {@code ProducerPerformance} and {@code EndToEndLatency} on the stack's
 * broker (512 B, acks=all, as the {@code bench} principal, on topics of its own that it
 * deletes afterwards), and the MongoDB driver updating single documents by {@code _id} in
 * a database of its own that it drops.
 */
final class Baselines {

	private static final Pattern PRODUCER_RATE = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

	private static final Pattern PERCENTILES = Pattern
		.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");

	private final Options options;

	private final Path clientConfig;

	private final String runId;

	Baselines(Options options, String runId) {
		this.options = options;
		this.clientConfig = options.home().resolve("kafka").resolve("bench.properties");
		this.runId = runId.toLowerCase();
		if (!Files.isReadable(clientConfig)) {
			throw new IllegalStateException(
					clientConfig + " is missing: start the local stack (it writes the bench principal's config)");
		}
	}

	Properties kafkaClient() throws IOException {
		Properties properties = new Properties();
		try (var in = Files.newBufferedReader(clientConfig)) {
			properties.load(in);
		}
		return properties;
	}

	/** Kafka's ProducerPerformance: records per second, 512 B, acks=all. */
	double producerRecordsPerSec() throws Exception {
		String topic = topic("perf", 3);
		String output = runTool("org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records",
				Integer.toString(options.producerRecords()), "--record-size", "512", "--throughput", "-1",
				"--producer-props", "acks=all", "--producer.config", clientConfig.toString());
		Matcher last = null;
		for (Matcher matcher = PRODUCER_RATE.matcher(output); matcher.find();) {
			last = PRODUCER_RATE.matcher(matcher.group());
			last.find();
		}
		if (last == null) {
			throw new IllegalStateException("ProducerPerformance printed no result:\n" + output);
		}
		return Double.parseDouble(last.group(2));
	}

	/** Kafka's EndToEndLatency: p99 in ms of produce (acks=all) to consume, 512 B. */
	double endToEndP99Ms() throws Exception {
		String topic = topic("e2e", 1);
		String output = runTool("org.apache.kafka.tools.EndToEndLatency", bootstrap(), topic,
				Integer.toString(options.latencyMessages()), "all", "512", clientConfig.toString());
		Matcher matcher = PERCENTILES.matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("EndToEndLatency printed no percentiles:\n" + output);
		}
		return Double.parseDouble(matcher.group(2));
	}

	/**
	 * The MongoDB driver, one client, updating documents by {@code _id} one at a time.
	 */
	double storeUpdateByIdPerSec() {
		try (MongoClient client = MongoClients.create(options.mongoUri())) {
			var database = client.getDatabase("bench_" + runId.replace('-', '_'));
			MongoCollection<Document> collection = database.getCollection("updates");
			List<Document> documents = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				documents.add(new Document("_id", i).append("n", 0));
			}
			collection.insertMany(documents);
			long updates = 0;
			long start = System.nanoTime();
			long end = start + options.storeDuration().toNanos();
			while (System.nanoTime() < end) {
				collection.updateOne(Filters.eq("_id", (int) (updates % 1000)), Updates.inc("n", 1));
				updates++;
			}
			double rate = updates / ((System.nanoTime() - start) / 1e9);
			database.drop();
			return rate;
		}
	}

	/** Deletes the topics this run created. */
	void cleanUp() {
		try (Admin admin = Admin.create(kafkaClient())) {
			admin.deleteTopics(List.of(topicName("perf"), topicName("e2e"))).all().get();
		}
		catch (Exception e) {
			System.err.println("Could not delete the bench topics: " + e);
		}
	}

	private String topic(String kind, int partitions) throws Exception {
		String name = topicName(kind);
		try (Admin admin = Admin.create(kafkaClient())) {
			admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
		}
		return name;
	}

	private String topicName(String kind) {
		return "bench-" + runId + "-" + kind;
	}

	private String bootstrap() throws IOException {
		return kafkaClient().getProperty("bootstrap.servers");
	}

	/**
	 * Runs one of Kafka's tools in a JVM of its own, as an operator would, and answers
	 * what it printed.
	 */
	private String runTool(String mainClass, String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(Duration.ofMinutes(5).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
				|| process.exitValue() != 0) {
			throw new IllegalStateException(mainClass + " failed:\n" + output);
		}
		return output;
	}

}
