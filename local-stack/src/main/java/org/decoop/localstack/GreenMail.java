package org.decoop.localstack;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * GreenMail, from Maven Central's {@code com.icegreen:greenmail-standalone}: an SMTP
 * server that accepts every e-mail the stack sends (per-event e-mails, digests) and keeps
 * them in memory, readable through its REST API. No mail leaves the machine.
 */
final class GreenMail extends ExecJarComponent {

	GreenMail(StackOptions options) {
		super("GreenMail", "greenmail", options);
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

	@Override
	String describe() {
		return row("GreenMail", "smtp://127.0.0.1:%d, caught e-mails: %s/api/user/<address>/messages/INBOX"
			.formatted(options.smtpPort(), options.mailUrl()));
	}

}
