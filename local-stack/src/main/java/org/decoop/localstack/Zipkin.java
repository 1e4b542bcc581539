package org.decoop.localstack;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Zipkin, from Maven Central's {@code io.zipkin:zipkin-server} exec jar, keeping the
 * traces in memory (the newest 20 000 spans): where a person looks at one trace of a
 * command.
 */
final class Zipkin extends ExecJarComponent {

	Zipkin(StackOptions options) {
		super("Zipkin", "zipkin", options);
	}

	@Override
	void start() throws IOException {
		ChildProcess zipkin = runJar(List.of("-Xms32m", "-Xmx128m", "-XX:MaxDirectMemorySize=32m"),
				Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", "20000", "JAVA_OPTS", "",
						// Zipkin's Armeria server listens where it is told: a list
						// property, given whole
						"ARMERIA_PORTS_0_IP", options.bind(), "ARMERIA_PORTS_0_PORT",
						Integer.toString(options.zipkinPort()), "ARMERIA_PORTS_0_PROTOCOLS_0", "http"));
		LocalStack.log("started Zipkin (pid %d) on %s, logging to %s", zipkin.pid(), options.zipkinUrl(), zipkin.log());
	}

	@Override
	String describe() {
		return row("Zipkin",
				"%s   (one trace per command: its relay, consumers, deliveries)".formatted(options.zipkinUrl()));
	}

}
