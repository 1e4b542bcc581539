package org.decoop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

import jakarta.mail.MessagingException;

/** A delivery log says what happened in words, never an exception's name or message. */
class DeliveryFailuresTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void saysWhatHappenedToAWebhook() {
		assertThat(DeliveryFailures.describe(new ConnectException(), TIMEOUT)).isEqualTo("connection refused");
		assertThat(DeliveryFailures.describe(new IOException("wrapped", new HttpTimeoutException("request timed out")),
				TIMEOUT))
			.isEqualTo("no answer within 10000 ms");
		assertThat(DeliveryFailures.describe(new UnknownHostException("internal-host.local"), TIMEOUT))
			.isEqualTo("unknown host");
		assertThat(DeliveryFailures.describe(new IllegalStateException("java.lang.Something at 10.0.0.7"), TIMEOUT))
			.isEqualTo("the delivery failed");
	}

	@Test
	void saysWhatHappenedToAnEmail() {
		MailSendException unreachable = new MailSendException("Mail server connection failed", new MessagingException(
				"Couldn't connect to host, port: smtp.internal, 25", new ConnectException("Connection refused")));
		assertThat(DeliveryFailures.describe(unreachable, TIMEOUT)).isEqualTo("mail server unreachable");
		assertThat(DeliveryFailures.describe(new MailSendException("550 no such user"), TIMEOUT))
			.isEqualTo("the mail server refused the message");
	}

}
