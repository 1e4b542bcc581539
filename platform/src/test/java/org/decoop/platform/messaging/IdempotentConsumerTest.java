package org.decoop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.decoop.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;



class IdempotentConsumerTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private final IdempotentConsumer consumer = new IdempotentConsumer(MONGO.freshDatabase());
    private final AtomicInteger applied = new AtomicInteger();

    @Test
    void appliesARedeliveredEventOnlyOnce() {
        assertThat(consumer.applyOnce("plan-service", "event-1", applied::incrementAndGet)).isTrue();
        assertThat(consumer.applyOnce("plan-service", "event-1", applied::incrementAndGet)).isFalse();

        assertThat(applied).hasValue(1);
    }

    @Test
    void keepsConsumersApart() {
        consumer.applyOnce("plan-service", "event-2", applied::incrementAndGet);
        consumer.applyOnce("notification-service", "event-2", applied::incrementAndGet);

        assertThat(applied).hasValue(2);
    }

    @Test
    void appliesAgainAfterAnEffectThatFailed() {
        try {
            consumer.applyOnce("plan-service", "event-3", () -> {
                throw new IllegalStateException("store down");
            });
        }
        catch (IllegalStateException expected) {
            // the redelivery below must apply it
        }

        assertThat(consumer.applyOnce("plan-service", "event-3", applied::incrementAndGet)).isTrue();
        assertThat(applied).hasValue(1);
    }
}
