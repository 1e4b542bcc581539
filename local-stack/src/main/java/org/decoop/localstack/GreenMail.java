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
		ChildProcess mail = runJar(List.of("-Xms16m", "-Xmx64m", "-Dgreenmail.smtp.hostname=" + options.bind(),
				"-Dgreenmail.smtp.port=" + options.smtpPort(), "-Dgreenmail.api.hostname=" + options.bind(),
				"-Dgreenmail.api.port=" + options.mailPort(), "-Dgreenmail.auth.disabled"), Map.of());
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
