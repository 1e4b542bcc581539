package org.decoop.notification;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * notification-service settings ({@code decoop.notification.*}).
 *
 * @param secretKey base64 of a 32-byte AES key that encrypts webhook secrets at rest, so
 * that a database dump alone cannot forge signatures; set your own in production
 * @param retrySchedule waits between delivery attempts (Svix-like by default: 8 attempts
 * in all)
 * @param timeout how long one webhook attempt may take
 * @param pollInterval how often the delivery worker looks for due deliveries
 * @param claimDuration how long a claimed delivery is reserved for one worker; after a
 * crash another worker (or instance) takes it over once this has passed
 * @param concurrency deliveries claimed and attempted at once per instance
 * @param allowPrivateTargets whether webhooks may target loopback, private and link-local
 * addresses (off in production; the local stack and tests allow them)
 * @param mailFrom sender address of e-mail notifications
 * @param subscriptionsPerSubscriber how many subscriptions one subscriber may hold
 * @param streamsPerInstance how many SSE streams one instance serves at once
 * @param streamsPerSubscription how many SSE streams of one subscription may be open at
 * once
 * @param streamsPerOwner how many SSE streams one owner (a token's subject) may have open
 * at once on an instance, all its subscriptions together: a few accounts cannot take them
 * all
 * @param streamMaxLife how long an SSE stream stays open; the client then reconnects with
 * Last-Event-ID
 * @param zone the time zone in which e-mail notifications write dates (with the
 * subscription's language's formats); Central European Time is where decoop's people are
 */
@ConfigurationProperties("decoop.notification")
public record NotificationProperties(String secretKey, @DefaultValue( {
		"5s", "5m", "30m", "2h", "5h", "10h", "10h" }) List<Duration> retrySchedule,
		@DefaultValue("10s") Duration timeout, @DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("60s") Duration claimDuration, @DefaultValue("4") int concurrency,
		@DefaultValue("false") boolean allowPrivateTargets,
		@DefaultValue("decoop <notifications@decoop.local>") String mailFrom,
		@DefaultValue("100") int subscriptionsPerSubscriber, @DefaultValue("1000") int streamsPerInstance,
		@DefaultValue("5") int streamsPerSubscription, @DefaultValue("20") int streamsPerOwner,
		@DefaultValue("30m") Duration streamMaxLife, @DefaultValue("Europe/Belgrade") ZoneId zone){
}
