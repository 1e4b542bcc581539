package org.decoop.localstack;

import java.nio.file.Path;

/**
 * A part run from an exec jar the build copies into
 * {@code local-stack/target/<name>/<name>.jar} (GreenMail, Zipkin): nothing waits for it,
 * it is up long before a service first sends it anything.
 */
abstract class ExecJarComponent extends Component {

	final StackOptions options;

	final Path jar;

	ExecJarComponent(String label, String name, StackOptions options) {
		super(label);
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

}
