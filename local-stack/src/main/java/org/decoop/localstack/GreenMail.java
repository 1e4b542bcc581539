package org.decoop.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * GreenMail, from Maven Central's {@code com.icegreen:greenmail-standalone}: an SMTP
 * server that accepts every e-mail the stack sends (per-event e-mails, digests) and keeps
 * them in memory, readable through its REST API. No mail leaves the machine.
 */
final class GreenMail extends Component {

	private final StackOptions options;

	private final Path jar;

	GreenMail(StackOptions options) {
		super("GreenMail");
		this.options = options;
		this.jar = options.jars()
			.resolve("local-stack")
			.resolve("target")
			.resolve("greenmail")
			.resolve("greenmail.jar");
	}

	@Override
	void prepare() {
		built(jar);
	}

	@Override
	void start() throws IOException {
		ChildProcess mail = run(new ChildProcess("greenmail",
				List.of(JAVA, "-Xms16m", "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
						"-Dgreenmail.smtp.hostname=" + options.bind(), "-Dgreenmail.smtp.port=" + options.smtpPort(),
						"-Dgreenmail.api.hostname=" + options.bind(), "-Dgreenmail.api.port=" + options.mailPort(),
						"-Dgreenmail.auth.disabled", "-jar", jar.toString()),
				Map.of(), options.logs().resolve("greenmail.log")));
		LocalStack.log(
				"started GreenMail (pid %d): SMTP on 127.0.0.1:%d, what it caught on %s/api/user/<address>/messages/INBOX",
				mail.pid(), options.smtpPort(), options.mailUrl());
	}

	/**
	 * Nothing waits for it: it is up in seconds, long before a service sends its first
	 * e-mail.
	 */
	@Override
	void awaitReady() {
	}

	@Override
	String describe() {
		return row("GreenMail", "smtp://127.0.0.1:%d, caught e-mails: %s/api/user/<address>/messages/INBOX"
			.formatted(options.smtpPort(), options.mailUrl()));
	}

}
