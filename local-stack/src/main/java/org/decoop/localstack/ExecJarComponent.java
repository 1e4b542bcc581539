package org.decoop.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A part run from an exec jar the build copies into
 * {@code local-stack/target/<name>/<name>.jar} (GreenMail, Zipkin): nothing waits for it,
 * it is up long before a service first sends it anything.
 */
abstract class ExecJarComponent extends Component {

	final StackOptions options;

	final Path jar;

	private final String name;

	ExecJarComponent(String label, String name, StackOptions options) {
		super(label);
		this.name = name;
		this.options = options;
		this.jar = options.jars().resolve("local-stack").resolve("target").resolve(name).resolve(name + ".jar");
	}

	@Override
	final void prepare() {
		built(jar);
	}

	@Override
	final void awaitReady() {
	}

	/**
	 * Runs the jar on a small JVM (serial GC, no C2: it idles most of the time) with
	 * these options and environment, logging to {@code <name>.log}.
	 */
	final ChildProcess runJar(List<String> jvmOptions, Map<String, String> environment) throws IOException {
		List<String> command = new ArrayList<>(List.of(JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString()));
		return run(new ChildProcess(name, command, environment, options.logs().resolve(name + ".log")));
	}

}
