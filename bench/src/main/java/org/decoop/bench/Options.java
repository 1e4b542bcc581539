package org.decoop.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a run measures and against what: the local stack's default ports, and the sizes of
 * a default run (about 9 minutes on 2 cores) or a {@code --quick} one (under 3). The
 * large list is measured at 20 000 partnerships by default: every one is created through
 * the API, and at the command rate of a 2-core machine 100 000 take a quarter of an hour
 * more ({@code --large-list=100000}). The gateway, the stack's one origin, is on :8080;
 * the second instance of each service, when the stack runs two ({@code --replicas=2}), on
 * its first one's port + 100.
 */
record Options(boolean quick, String partnership, String plan, String notification, String keycloak, String mongoUri,
		Path home, Path out, String password, int producerRecords, int latencyMessages, Duration httpDuration,
		Duration storeDuration, Duration commandDuration, int relayBacklog, Duration sustained,
		Duration latencyDuration, int listSamples, int smallList, int largeList, String gateway, int frontDoorSamples,
		int killsPerService) {

	static final int CONNECTIONS = 16;

	static Options parse(String... args) {
		boolean quick = false;
		String host = "localhost";
		Path home = Path.of(".decoop");
		Path out = Path.of("bench", "target");
		int large = -1;
		for (String arg : args) {
			if (arg.equals("--quick")) {
				quick = true;
			}
			else if (arg.startsWith("--home=")) {
				home = Path.of(arg.substring("--home=".length()));
			}
			else if (arg.startsWith("--out=")) {
				out = Path.of(arg.substring("--out=".length()));
			}
			else if (arg.startsWith("--large-list=")) {
				large = Integer.parseInt(arg.substring("--large-list=".length()));
			}
			else {
				throw new IllegalArgumentException(
						"""
								unknown option %s
								usage: java -jar bench/target/bench.jar [--quick] [--home=.decoop] [--out=bench/target] [--large-list=20000]
								"""
							.formatted(arg));
			}
		}
		return new Options(quick, "http://" + host + ":8081", "http://" + host + ":8082", "http://" + host + ":8083",
				"http://" + host + ":8180", "mongodb://127.0.0.1:27017", home, out, "decoop", quick ? 100_000 : 300_000,
				quick ? 2_000 : 5_000, Duration.ofSeconds(quick ? 5 : 10), Duration.ofSeconds(quick ? 3 : 5),
				Duration.ofSeconds(quick ? 5 : 15), quick ? 2_000 : 5_000, Duration.ofSeconds(quick ? 40 : 300),
				Duration.ofSeconds(quick ? 20 : 40), quick ? 30 : 80, 1_000, large > 0 ? large : quick ? 5_000 : 20_000,
				"http://" + host + ":8080", quick ? 200 : 500, quick ? 2 : 10);
	}
}
