package org.decoop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class IdempotentConsumerTest {

    private static MongoServer server;
    private static MongoClient client;

    private final IdempotentConsumer consumer = new IdempotentConsumer(new MongoTemplate(client, "idempotency"));
    private final AtomicInteger applied = new AtomicInteger();

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind();
        client = MongoClients.create(server.getConnectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

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
