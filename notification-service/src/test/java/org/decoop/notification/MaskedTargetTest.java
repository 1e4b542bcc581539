package org.decoop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.decoop.events.Channel;
import org.junit.jupiter.api.Test;

/** A stored target is shown recognisable but unusable: no path, query or mailbox. */
class MaskedTargetTest {

	@Test
	void keepsAWebhooksOriginAndHidesItsPathAndQuery() {
		assertThat(MaskedTarget.of(Channel.WEBHOOK, "https://hooks.example/services/T0K3N?sig=abc"))
			.contains("https://hooks.example/…");
		assertThat(MaskedTarget.of(Channel.WEBHOOK, "http://127.0.0.1:9999/decoop"))
			.contains("http://127.0.0.1:9999/…");
		assertThat(MaskedTarget.of(Channel.WEBHOOK, "https://hooks.example")).contains("https://hooks.example");
		assertThat(MaskedTarget.of(Channel.WEBHOOK, "https://hooks.example/?token=1"))
			.contains("https://hooks.example/…");
	}

	@Test
	void keepsAnAddressFirstLetterAndDomain() {
		assertThat(MaskedTarget.of(Channel.EMAIL, "coordination@skgo.org")).contains("c…@skgo.org");
		assertThat(MaskedTarget.of(Channel.INBOX, null)).isEmpty();
	}

}
