package org.decoop.notification.subscription;

import java.util.List;

import org.decoop.platform.testing.QueryIndexes;
import org.decoop.platform.testing.QueryIndexes.Query;
import org.junit.jupiter.api.Test;

/** Every query of {@link Subscriptions}, and the index a MongoDB answers it from. */
class QueryIndexesTest {

	@Test
	void eachSubscriptionQueryHasItsIndex() {
		QueryIndexes.assertServed(SubscriptionDocument.class,
				Query.of("the subscriptions an event matches", "matching",
						List.of("status", "eventTypes", "filter.partnershipId", "filter.localAuthorityId",
								"filter.country", "filter.theme")),
				Query.of("GET /api/subscriptions (the caller's, oldest first)", "by_owner", List.of("owner"),
						"createdAt", "_id"),
				Query.of("creating: how many the owner holds", "by_owner", List.of("owner")),
				Query.of("the digest job: the ACTIVE subscriptions of one digest kind", "by_digest",
						List.of("digest", "status")),
				Query.of("the confirmation e-mails due", "confirmation_mail_due", List.of("confirmation.mailDueAt")));
	}

}
