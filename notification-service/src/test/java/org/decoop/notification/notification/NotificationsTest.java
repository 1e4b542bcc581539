package org.decoop.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.decoop.events.Channel;
import org.decoop.notification.subscription.domain.Filter;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.messaging.IncomingEvent;
import org.decoop.platform.outbox.EventSerializer;
import org.decoop.platform.testing.InMemoryMongo;
import org.decoop.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.messaging.support.MessageBuilder;

/** Deliveries are finished only by the worker that still holds their claim. */
class NotificationsTest {

    private static final Actor OWNER = new Actor(Actor.Kind.USER, "sub-skgo", "SKGO", Set.of("SKGO"), true);

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private final MutableClock clock = new MutableClock(Instant.parse("2020-02-27T10:00:00Z"));
    private final Notifications notifications = new Notifications(MONGO.freshDatabase(), new EventSerializer(() -> Actor.system("test")), clock, 8);

    @Test
    void keepsTheResultOfTheWorkerThatTookOverAnExpiredClaim() {
        Subscription subscription = Subscription.create(OWNER, "coordinator", Channel.EMAIL, "coordination@skgo.org", List.of(),
                Filter.NONE, clock.instant());
        notifications.record(subscription, event("e-1"), "The partnership was established.", clock.instant());

        NotificationDocument slowWorker = notifications.claimDue(1, clock.instant().plusSeconds(60)).get(0);
        clock.advance(Duration.ofSeconds(61));
        NotificationDocument secondWorker = notifications.claimDue(1, clock.instant().plusSeconds(60)).get(0);
        notifications.delivered(secondWorker, new NotificationDocument.Attempt(clock.instant(), null, null, 40));

        notifications.failed(slowWorker, new NotificationDocument.Attempt(clock.instant(), null, "no answer within 10000 ms", 65_000), true);

        NotificationDocument stored = notifications.byId(subscription.id().value(), slowWorker.getId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(stored.attempts()).hasSize(1);
        assertThat(stored.getOutbox()).as("no NotificationDeliveryFailed").isEmpty();
    }

    private static IncomingEvent event(String id) {
        return IncomingEvent.of(MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_id", id).setHeader("ce_type", "org.decoop.PartnershipEstablished")
                .setHeader("ce_source", "/partnership-service").setHeader("ce_subject", "p-1").build());
    }
}
