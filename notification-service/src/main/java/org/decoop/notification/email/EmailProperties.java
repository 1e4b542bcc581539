package org.decoop.notification.email;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail confirmation and per-address limits ({@code decoop.notification.email.*}).
 *
 * @param publicUrl where the notification-service's API is reached by someone who reads
 * an e-mail (its public URL, or the gateway's): confirmation links start with it
 * @param confirmationValidity how long a confirmation link works
 * @param confirmationsPerAddress how many confirmation e-mails one address gets at most
 * per {@code confirmationWindow} (new EMAIL subscriptions and resends alike; past it, 429
 * with Retry-After)
 * @param confirmationWindow the sliding window of {@code confirmationsPerAddress}
 * @param perRecipient how many notification e-mails one address gets at most per
 * {@code perRecipientWindow}, whatever the subscriptions; the next ones wait (deferred,
 * not dropped) until the window allows
 * @param perRecipientWindow the sliding window of {@code perRecipient}
 */
@ConfigurationProperties("decoop.notification.email")
public record EmailProperties(@DefaultValue("http://localhost:8083") URI publicUrl,
		@DefaultValue("48h") Duration confirmationValidity, @DefaultValue("3") int confirmationsPerAddress,
		@DefaultValue("24h") Duration confirmationWindow, @DefaultValue("60") int perRecipient,
		@DefaultValue("1h") Duration perRecipientWindow) {

	public EmailProperties {
		if (confirmationsPerAddress < 1 || perRecipient < 1) {
			throw new IllegalArgumentException(
					"decoop.notification.email.confirmations-per-address and per-recipient must be at least 1");
		}
	}
}
