package org.decoop.notification.digest;

import java.util.List;

import org.decoop.platform.testing.InMemoryMongo;
import org.decoop.platform.testing.QueryIndexes;
import org.decoop.platform.testing.QueryIndexes.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every query of {@link DigestDispatches}, and the index a MongoDB answers it from (claims are found by id). */
class QueryIndexesTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    @Test
    void eachDigestQueryHasItsIndex() {
        QueryIndexes.assertServed(MONGO.freshDatabase(), DigestDocument.class, List.of(
                Query.of("GET .../digests (newest period first)", "by_subscription", List.of("subscriptionId"), "periodStart")));
    }
}
