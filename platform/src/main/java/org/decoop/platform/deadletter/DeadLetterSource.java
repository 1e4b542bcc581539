package org.decoop.platform.deadletter;

import java.util.function.Consumer;

import org.springframework.messaging.Message;

/**
 * A consumer of the service and its dead-letter topic: what {@link DeadLetters} lists,
 * and the consumer a replayed record is given to again (only this consumer: replaying
 * through the source topic would need to write another service's topic, and would reach
 * every other group too).
 */
public record DeadLetterSource(String topic, Consumer<Message<byte[]>> consumer) {
}
