package org.decoop.platform.outbox;

/**
 * Declares a MongoDB collection of {@link OutboxDocument}s whose events the relay
 * publishes to {@code topic} with CloudEvent {@code source}. A service declares one bean
 * per aggregate.
 */
public record OutboxSource(String collection, String topic, String source) {
}
