package org.decoop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.decoop.notification.subscription.TargetGuard;
import org.decoop.notification.subscription.domain.WebhookSecret;
import org.decoop.platform.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender connects to the addresses the guard checked, and to no other. */
class WebhookSenderTest {

	private final WebhookReceiver receiver = new WebhookReceiver();

	WebhookSenderTest() throws IOException {
	}

	@AfterEach
	void close() {
		receiver.close();
	}

	@Test
	void aNameThatRebindsToAnInternalAddressAfterTheCheckIsNeverConnectedTo() throws IOException {
		String url = receiver.answer("/hook", 204).replace("127.0.0.1", "localhost");
		AtomicInteger lookups = new AtomicInteger();
		// DNS rebinding: a public address (TEST-NET-3, unroutable) for the check, then
		// loopback
		TargetGuard guard = new TargetGuard(false, host -> new InetAddress[] {
				InetAddress.getByName(lookups.getAndIncrement() == 0 ? "203.0.113.10" : "127.0.0.1") });
		assertThat(guard.refusal(url)).as("the check saw a public address").isEmpty();

		try (WebhookSender sender = new WebhookSender(guard, Duration.ofMillis(500), 2, Clock.systemUTC())) {
			assertThatThrownBy(() -> sender.send(url, "msg_1", "{}", WebhookSecret.generate()))
				.isInstanceOf(TargetGuard.TargetRefused.class)
				.hasMessage("localhost is an internal address or does not resolve; webhooks may not target it")
				.hasMessageNotContaining("127.0.0.1");
		}

		assertThat(receiver.receivedOn("/hook")).isEmpty();
	}

	@Test
	void aNameThatRebindsToAnIpv4MappedLoopbackAddressIsNeverConnectedTo() throws IOException {
		String url = receiver.answer("/hook", 204).replace("127.0.0.1", "receiver.test");
		AtomicInteger lookups = new AtomicInteger();
		// ::ffff:127.0.0.1 as a real Inet6Address (InetAddress.getByAddress would make it
		// an Inet4Address)
		InetAddress mappedLoopback = Inet6Address.getByAddress(null,
				new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1 }, -1);
		TargetGuard guard = new TargetGuard(false, host -> new InetAddress[] {
				lookups.getAndIncrement() == 0 ? InetAddress.getByName("203.0.113.10") : mappedLoopback });
		assertThat(guard.refusal(url)).as("the check saw a public address").isEmpty();

		try (WebhookSender sender = new WebhookSender(guard, Duration.ofMillis(500), 2, Clock.systemUTC())) {
			assertThatThrownBy(() -> sender.send(url, "msg_1", "{}", WebhookSecret.generate()))
				.isInstanceOf(TargetGuard.TargetRefused.class);
		}

		assertThat(receiver.receivedOn("/hook")).isEmpty();
	}

	@Test
	void sendsToTheAddressesItChecked() throws IOException {
		String url = receiver.answer("/hook", 204).replace("127.0.0.1", "receiver.test");
		TargetGuard guard = new TargetGuard(true, host -> new InetAddress[] { InetAddress.getByName("127.0.0.1") });

		try (WebhookSender sender = new WebhookSender(guard, Duration.ofSeconds(5), 2, Clock.systemUTC())) {
			assertThat(sender.send(url, "msg_1", "{\"id\":\"e-1\"}", WebhookSecret.generate())).isEqualTo(204);
		}

		assertThat(receiver.receivedOn("/hook")).singleElement().satisfies(received -> {
			assertThat(received.header("webhook-id")).isEqualTo("msg_1");
			assertThat(received.header("Content-Type")).startsWith("application/cloudevents+json");
			assertThat(received.body()).isEqualTo("{\"id\":\"e-1\"}");
		});
	}

}
