package org.decoop.notification;

import static org.decoop.platform.testing.ServiceQueries.call;
import static org.decoop.platform.testing.ServiceQueries.callAnswering;
import static org.decoop.platform.testing.ServiceQueries.noQuery;
import static org.decoop.platform.testing.ServiceQueries.run;
import static org.decoop.platform.testing.ServiceQueries.stated;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.notification.digest.domain.DigestPeriod;
import org.decoop.notification.notification.domain.DeliveryId;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.notification.subscription.domain.EventFacts;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.ExpectedVersion;
import org.decoop.platform.testing.ServiceQueries;
import org.decoop.platform.testing.ServiceQueries.Listed;

/**
 * Every query notification-service sends to MongoDB, in one place: each repository method
 * (once per filter it can be called with) and the platform's queries on its collections.
 * A new repository method fails {@link QueryListTest} until it is listed here;
 * {@link QueryPlansIntegrationTest} asks a real MongoDB for the plan of each. Methods
 * that take a stored aggregate (a delivery, a digest, a confirmation being sent) are
 * stated as they send their queries.
 */
final class NotificationQueries {

	private static final String SUBSCRIPTION = "sub-query-plans";

	private static final Instant NOW = Instant.parse("2026-03-05T10:00:00Z");

	private static final Actor OWNER = new Actor(Actor.Kind.USER, "u-query-plans", "Query plans", Set.of(), false);

	static final List<Listed> ALL = all();

	private NotificationQueries() {
	}

	private static List<Listed> all() {
		List<Listed> queries = new ArrayList<>(List.of(stated("Notifications#record",
				"an event for its subscriptions: the sequence number, a redelivery's pending check, the queue",
				"{findAndModify: 'notification_counters', query: {_id: 'sub-query-plans'}, update: {$inc: {seq: 1}}, new: true, upsert: true}",
				"{find: 'notifications', filter: {_id: 'sub-query-plans:e-1', status: 'PENDING'}, limit: 1}",
				"{update: 'delivery_queue', updates: [{q: {_id: 'sub-query-plans:e-1'}, u: {$setOnInsert: {dueAt: {$date: '2026-03-05T10:00:00Z'}, version: 0}}, upsert: true}]}"),
				call("Notifications#byId", "GET .../notifications/{id}", SUBSCRIPTION, "n-query-plans"),
				call("Notifications#newestFirst", "GET .../notifications (newest first)", SUBSCRIPTION, 0, 20),
				call("Notifications#deliveries", "GET .../deliveries (newest first, not STORED)", SUBSCRIPTION, 0, 20),
				call("Notifications#storedBetween", "a digest: a subscription's notifications of a period, in order",
						SUBSCRIPTION, NOW.minus(Duration.ofDays(1)), NOW, 500),
				call("Notifications#countStoredBetween", "a digest: how many a period has", SUBSCRIPTION,
						NOW.minus(Duration.ofDays(1)), NOW),
				call("Notifications#after", "SSE: the notifications after the last one sent, in order", SUBSCRIPTION,
						7L, 50),
				call("Notifications#unusedSeqs", "SSE: numbers taken but never stored", SUBSCRIPTION, 7L),
				call("Notifications#lastSeq", "SSE: where a new stream starts", SUBSCRIPTION),
				call("Notifications#lastSeqs",
						"SSE, each tick: the newest number of every open stream's subscription, in one read by _id",
						List.of(SUBSCRIPTION, "sub-query-plans-2")),
				call("Notifications#markRead", "POST .../notifications/{id}/read", SUBSCRIPTION, "n-query-plans"),
				call("Deliveries#due", "delivery worker: the queue's due deliveries, soonest first", NOW, 100),
				call("Deliveries#claim", "delivery worker: claim one (an unknown one leaves the queue)",
						new DeliveryId("d-query-plans"), NOW, NOW.plusSeconds(30)),
				stated("Deliveries#save", "a delivery's versioned write, then its place in the queue",
						"{update: 'notifications', updates: [{q: {_id: 'd-1', version: 2}, u: {$set: {version: 3}}}]}",
						"{update: 'delivery_queue', updates: [{q: {_id: 'd-1', version: {$lte: 3}}, u: {$set: {dueAt: {$date: '2026-03-05T10:00:00Z'}, version: 3}}, upsert: true}]}",
						"{delete: 'delivery_queue', deletes: [{q: {_id: 'd-1', version: {$lte: 3}}, limit: 0}]}"),
				call("Deliveries#enqueuePending", "at start: the PENDING deliveries back into the queue"),
				stated("Deliveries#enqueue", "a delivery's place in the queue, unless a newer version holds it",
						"{update: 'delivery_queue', updates: [{q: {_id: 'd-1', version: {$lte: 3}}, u: {$set: {dueAt: {$date: '2026-03-05T10:00:00Z'}, version: 3}}, upsert: true}]}",
						"{delete: 'delivery_queue', deletes: [{q: {_id: 'd-1', version: {$lte: 3}}, limit: 0}]}"),
				call("Deliveries#enqueueNew", "a new delivery into the queue", new DeliveryId("d-query-plans"), NOW),
				call("Deliveries#enqueueIfAbsent", "a redelivered event's delivery into the queue, once",
						new DeliveryId("d-query-plans"), NOW),
				call("DigestDispatches#find", "a subscription's digest of a period", SUBSCRIPTION, NOW),
				call("DigestDispatches#claim", "digest job: claim a period (new: an insert)", SUBSCRIPTION,
						new DigestPeriod(Digest.DAILY, NOW.minus(Duration.ofDays(1)), NOW), NOW, NOW.plusSeconds(60)),
				noQuery("DigestDispatches#claimNew", "digest job: claim a period that has no digest: an insert",
						beans -> beans.call("DigestDispatches#claimNew", SUBSCRIPTION + "-new",
								new DigestPeriod(Digest.DAILY, NOW.minus(Duration.ofDays(1)), NOW),
								NOW.plusSeconds(60))),
				stated("DigestDispatches#takeOver", "digest job: take over a lease that ran out, on the version read",
						"{update: 'digests', updates: [{q: {_id: 'sub-1:2026-03-04T00:00:00Z', version: 1}, u: {subscriptionId: 'sub-1', version: 2}}]}"),
				call("DigestDispatches#due", "digest job: retries due and leases run out", NOW, 100),
				stated("DigestDispatches#save", "a digest's versioned write",
						"{update: 'digests', updates: [{q: {_id: 'sub-1:2026-03-04T00:00:00Z', version: 1}, u: {subscriptionId: 'sub-1', version: 2}}]}"),
				call("DigestDispatches#ofSubscription", "GET .../digests (newest period first)", SUBSCRIPTION, 0, 20),
				call("RecipientQuota#takeConfirmation", "a confirmation e-mail's place in the address's quota",
						"qp@example.org", NOW),
				call("RecipientQuota#takeNotification", "a notification e-mail's place in the address's quota",
						"qp@example.org", NOW),
				run("RecipientQuota#take", "an address's quota: read, then the versioned write of a known address",
						beans -> {
							beans.call("RecipientQuota#take", "query-plans", "qp-take@example.org", 10,
									Duration.ofHours(1), NOW);
							return beans.call("RecipientQuota#take", "query-plans", "qp-take@example.org", 10,
									Duration.ofHours(1), NOW);
						}),
				call("Confirmations#take", "a confirmation e-mail for an address", "qp-confirm@example.org", NOW),
				call("Confirmations#mailDue", "confirmation mail job: the e-mails due", NOW, 100),
				call("Confirmations#claim", "confirmation mail job: claim one", new SubscriptionId("sub-unknown"), NOW,
						NOW.plusSeconds(60)),
				stated("Confirmations#sent", "a confirmation e-mail sent: the subscription, then its versioned write",
						"{find: 'subscriptions', filter: {_id: 'sub-1'}, limit: 1}",
						"{update: 'subscriptions', updates: [{q: {_id: 'sub-1', version: 3}, u: {owner: 'u-1', version: 4}}]}"),
				stated("Confirmations#failed",
						"a confirmation e-mail failed: the subscription, then its versioned write",
						"{find: 'subscriptions', filter: {_id: 'sub-1'}, limit: 1}",
						"{update: 'subscriptions', updates: [{q: {_id: 'sub-1', version: 3}, u: {owner: 'u-1', version: 4}}]}"),
				noQuery("Confirmations#link", "the link an e-mail carries: no query", null),
				call("Confirmations#check", "GET /confirm: is the token valid", new SubscriptionId("sub-unknown"),
						"token", NOW),
				call("Confirmations#confirm", "POST /confirm", new SubscriptionId("sub-unknown"), "token", NOW),
				callAnswering(DoesNotExist.class, "Confirmations#resend", "POST .../confirmation (resend)",
						new SubscriptionId("sub-unknown"), OWNER, NOW),
				stated("Subscriptions#add", "POST /api/subscriptions: the owner's count, then an insert",
						"{aggregate: 'subscriptions', pipeline: [{$match: {owner: 'u-1'}}, {$group: {_id: 1, n: {$sum: 1}}}], cursor: {}}"),
				call("Subscriptions#byId", "a subscription by id", new SubscriptionId("sub-unknown")),
				call("Subscriptions#secretOf", "a webhook's secret", new SubscriptionId("sub-unknown")),
				call("Subscriptions#ownedBy", "the caller's own subscription (inbox, stream, deliveries)",
						new SubscriptionId("sub-unknown"), OWNER),
				call("Subscriptions#held", "GET /api/subscriptions/{id}, with its version (ETag)",
						new SubscriptionId("sub-unknown"), OWNER),
				callAnswering(DoesNotExist.class, "Subscriptions#speaking",
						"PATCH /api/subscriptions/{id}: read, then an update on the version read",
						new SubscriptionId("sub-unknown"), OWNER, ExpectedVersion.any(), "fr"),
				call("Subscriptions#ownedBy", "GET /api/subscriptions (the caller's)", OWNER, 0, 20),
				call("Subscriptions#remove", "DELETE /api/subscriptions/{id}", new SubscriptionId("sub-unknown"),
						OWNER),
				call("Subscriptions#disable", "a webhook disabled after its failures",
						new SubscriptionId("sub-unknown"), "gone"),
				call("Subscriptions#activeWithDigest", "digest job: the subscriptions of a digest kind", Digest.DAILY),
				call("Subscriptions#matching", "matching: the subscriptions an event is for",
						new EventFacts("PlanSigned", Set.of("p-1"), Set.of("la-1", "la-2"), Set.of("FR", "RS"),
								Set.of(Theme.CULTURE))),
				call("PartnershipReadModel#apply", "partnership events: the stored version, then the conditional write",
						new PartnershipEstablished("p-query-plans", 0, PartnershipStatus.ACTIVE,
								List.of(new PartnershipEvent.Partner("la-1", "Nevers", "FR", "FR-NEVERS"),
										new PartnershipEvent.Partner("la-2", "Sremska Mitrovica", "RS",
												"RS-SREMSKA-MITROVICA")),
								2005, Set.of(Theme.CULTURE), null, NOW)),
				call("PartnershipReadModel#byIds", "matching: the partnerships a plan event names",
						List.of("p-query-plans", "p-2")),
				stated("PlanReadModel#apply", "plan events: the stored version, then the conditional write",
						"{find: 'plan_views', filter: {_id: 'plan-1'}, projection: {version: 1}, limit: 1}",
						"{update: 'plan_views', updates: [{q: {_id: 'plan-1', version: 2}, u: {$set: {title: 'Twinning', version: 3}}, upsert: true}]}"),
				call("PlanReadModel#byId", "matching: the plan an event names", "plan-query-plans")));
		queries.addAll(ServiceQueries.platformQueries("notifications"));
		return List.copyOf(queries);
	}

}
