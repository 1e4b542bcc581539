package org.decoop.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox relay settings ({@code decoop.outbox.*}).
 *
 * @param sweepInterval pause between two sweeps: the query that finds events no writer of
 * this instance named to the relay (left by a crash, or a write that failed to say so)
 * @param batchSize how many aggregates one pass claims per collection
 * @param claimDuration how long a claimed aggregate is reserved for this relay; after a
 * crash another pass (or instance) takes it over once this has passed. Keep it well above
 * {@code sendTimeout}
 * @param sendTimeout how long a pass waits for the broker to acknowledge its whole batch
 * @param topicPartitions partitions of the topics the service creates for its own events
 * @param topicReplicas replication factor of those topics
 */
@ConfigurationProperties("decoop.outbox")
public record OutboxProperties(@DefaultValue("1m") Duration sweepInterval, @DefaultValue("200") int batchSize,
		@DefaultValue("60s") Duration claimDuration, @DefaultValue("30s") Duration sendTimeout,
		@DefaultValue("3") int topicPartitions, @DefaultValue("1") short topicReplicas) {
}
