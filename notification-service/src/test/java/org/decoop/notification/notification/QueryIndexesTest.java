package org.decoop.notification.notification;

import java.util.List;

import org.decoop.platform.testing.InMemoryMongo;
import org.decoop.platform.testing.QueryIndexes;
import org.decoop.platform.testing.QueryIndexes.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every query of {@link Notifications} and {@link Deliveries} on the notifications, and the index a
 * MongoDB answers it from. (Due deliveries are found in the small delivery queue, by {@code dueAt}.)
 */
class QueryIndexesTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    @Test
    void eachNotificationQueryHasItsIndex() {
        QueryIndexes.assertServed(MONGO.freshDatabase(), NotificationDocument.class, List.of(
                Query.of("GET .../notifications (newest first)", "inbox_seq", List.of("subscriptionId"), "seq"),
                Query.of("GET .../deliveries (newest first, not STORED)", "inbox_seq", List.of("subscriptionId"), "seq"),
                Query.of("SSE: the notification numbered seq", "inbox_seq", List.of("subscriptionId", "seq")),
                Query.of("at start: pending deliveries back into the queue", "pending", List.of("status")),
                Query.of("a digest: one subscription's notifications stored in its period, by (createdAt, seq)", "digest_period_seq",
                        List.of("subscriptionId"), "createdAt", "seq")));
    }
}
