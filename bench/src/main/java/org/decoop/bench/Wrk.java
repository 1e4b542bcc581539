package org.decoop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk, the HTTP load generator the first measurements were made with (Debian's
 * {@code wrk} package), for the closed-loop rates: the trivial endpoint and the commands,
 * with the same tool, threads and connections. It costs the machine less than a JVM
 * client, so on 2 cores it leaves more to the stack.
 */
final class Wrk {

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(m?s|m)");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private static final Pattern ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private Wrk() {
	}

	static boolean available() {
		try {
			return new ProcessBuilder("wrk", "--version").redirectErrorStream(true)
				.start()
				.waitFor(10, TimeUnit.SECONDS);
		}
		catch (IOException | InterruptedException e) {
			return false;
		}
	}

	static Load.Result get(String url, int connections, Duration duration) throws Exception {
		return run(url, connections, duration, List.of());
	}

	/** POSTs {@code json} with a bearer token; a 2xx answer counts. */
	static Load.Result post(String url, String token, String json, int connections, Duration duration)
			throws Exception {
		Path script = Files.createTempFile("bench-wrk", ".lua");
		Files.writeString(script, """
				wrk.method = "POST"
				wrk.body = [[%s]]
				wrk.headers["Content-Type"] = "application/json"
				wrk.headers["Authorization"] = "Bearer %s"
				""".formatted(json, token));
		try {
			return run(url, connections, duration, List.of("-s", script.toString()));
		}
		finally {
			Files.deleteIfExists(script);
		}
	}

	/**
	 * Runs wrk with {@code options} (a script) besides the threads, connections and
	 * duration.
	 */
	private static Load.Result run(String url, int connections, Duration duration, List<String> options)
			throws Exception {
		List<String> command = new ArrayList<>(
				List.of("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s"));
		command.addAll(options);
		command.add(url);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		Matcher requests = REQUESTS.matcher(output);
		if (!requests.find()) {
			throw new IllegalStateException("wrk printed no result:\n" + output);
		}
		long total = Long.parseLong(requests.group(1));
		double amount = Double.parseDouble(requests.group(2));
		Duration elapsed = switch (requests.group(3)) {
			case "ms" -> Duration.ofNanos((long) (amount * 1e6));
			case "m" -> Duration.ofNanos((long) (amount * 60e9));
			default -> Duration.ofNanos((long) (amount * 1e9));
		};
		long failed = 0;
		Matcher non2xx = NON_2XX.matcher(output);
		if (non2xx.find()) {
			failed += Long.parseLong(non2xx.group(1));
		}
		Matcher errors = ERRORS.matcher(output);
		if (errors.find()) {
			for (int i = 1; i <= 4; i++) {
				failed += Long.parseLong(errors.group(i));
			}
		}
		return new Load.Result(total - Math.min(total, failed), failed, elapsed);
	}

}
