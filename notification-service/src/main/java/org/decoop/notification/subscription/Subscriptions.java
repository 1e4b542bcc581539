package org.decoop.notification.subscription;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.decoop.notification.NotificationProperties;
import org.decoop.notification.subscription.domain.Confirmation;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.notification.subscription.domain.EventFacts;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.notification.subscription.domain.WebhookSecret;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.AggregateId;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.ExpectedVersion;
import org.decoop.platform.domain.StateConflict;
import org.decoop.platform.mongo.MongoPages;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/** The stored subscriptions, and the indexed lookup of those an event matches. */
@NamedInterface("api")
@Component
public class Subscriptions {

	private final MongoTemplate mongo;

	private final SecretCipher cipher;

	private final int perSubscriber;

	Subscriptions(MongoTemplate mongo, SecretCipher cipher, NotificationProperties properties) {
		this.mongo = mongo;
		this.cipher = cipher;
		this.perSubscriber = properties.subscriptionsPerSubscriber();
	}

	/**
	 * Stores a new subscription (with its confirmation e-mail due, when it awaits one),
	 * unless its owner holds the most it may already. Two creations at the same instant
	 * may both pass the count: the bound is there against floods, not exact.
	 */
	void add(Subscription subscription, @Nullable WebhookSecret secret) {
		long held = mongo.count(Query.query(Criteria.where("owner").is(subscription.owner())),
				SubscriptionDocument.class);
		if (held >= perSubscriber) {
			throw new StateConflict(
					"a caller holds at most %d subscriptions; delete one first".formatted(perSubscriber));
		}
		SubscriptionDocument document = SubscriptionDocument.of(subscription,
				secret == null ? null : cipher.encrypt(secret, subscription.id()));
		// the confirmation e-mail waits in the subscription's own document: written with
		// it, sent by a worker
		document.confirmation = subscription.awaitsConfirmation() ? Confirmation.requested(subscription.createdAt())
				: null;
		mongo.insert(document);
	}

	public Optional<Subscription> byId(SubscriptionId id) {
		return Optional.ofNullable(mongo.findById(id.value(), SubscriptionDocument.class))
			.map(SubscriptionDocument::toDomain);
	}

	/** The signing secret of a webhook subscription. */
	public Optional<WebhookSecret> secretOf(SubscriptionId id) {
		return Optional.ofNullable(mongo.findById(id.value(), SubscriptionDocument.class))
			.map(document -> document.encryptedSecret)
			.map(stored -> cipher.decrypt(stored, id));
	}

	/** The subscription, if {@code actor} owns it: for anyone else it does not exist. */
	public Optional<Subscription> ownedBy(SubscriptionId id, Actor actor) {
		return byId(id).filter(subscription -> subscription.isOwnedBy(actor));
	}

	/** A subscription as its owner read it: at which version (its ETag). */
	record Held(Subscription subscription, long version) {
	}

	/** The subscription and its version, if {@code actor} owns it. */
	Optional<Held> held(SubscriptionId id, Actor actor) {
		return Optional.ofNullable(mongo.findById(id.value(), SubscriptionDocument.class))
			.map(document -> new Held(document.toDomain(), version(document)))
			.filter(held -> held.subscription().isOwnedBy(actor));
	}

	/**
	 * Has the subscription speak {@code language} from now on: decided by the
	 * subscription, saved on the version it was read at. A lost race is tried again on
	 * fresh state, unless the caller pinned the version it read ({@code If-Match}).
	 * @throws DoesNotExist when {@code actor} does not own it
	 * @throws StaleVersion when it is not at an expected version
	 */
	Held speaking(SubscriptionId id, Actor actor, ExpectedVersion expected, String language) {
		AggregateId aggregate = id::value;
		while (true) {
			SubscriptionDocument stored = mongo.findById(id.value(), SubscriptionDocument.class);
			if (stored == null || !stored.toDomain().isOwnedBy(actor)) {
				throw new DoesNotExist("Subscription", id.value());
			}
			expected.check("Subscription", aggregate, version(stored));
			Subscription changed = stored.toDomain().speaking(language);
			Query unchanged = Query.query(Criteria.where("_id").is(id.value()).and("version").is(stored.version));
			Update update = new Update().set("locale", changed.locale().toLanguageTag()).inc("version", 1);
			bindSecret(stored, update);
			if (mongo.updateFirst(unchanged, update, SubscriptionDocument.class).getMatchedCount() > 0) {
				return new Held(changed, version(stored) + 1);
			}
		}
	}

	private static long version(SubscriptionDocument document) {
		return document.version == null ? 0 : document.version;
	}

	/** An owner's subscriptions, oldest first. */
	Page<Subscription> ownedBy(Actor owner, int page, int size) {
		return MongoPages
			.find(mongo, Criteria.where("owner").is(owner.id()),
					PageRequest.of(page, size, Sort.by("createdAt", "_id")), SubscriptionDocument.class)
			.map(SubscriptionDocument::toDomain);
	}

	/** Removes the subscription if {@code owner} owns it. */
	boolean remove(SubscriptionId id, Actor owner) {
		return mongo
			.remove(Query.query(Criteria.where("_id").is(id.value()).and("owner").is(owner.id())),
					SubscriptionDocument.class)
			.getDeletedCount() > 0;
	}

	/**
	 * Stops deliveries to a subscription whose receiver answered 410 Gone: the
	 * subscription decides, and its new state is saved on the version it was read at.
	 */
	public void disable(SubscriptionId id, String reason) {
		for (int round = 0; round < 3; round++) {
			SubscriptionDocument stored = mongo.findById(id.value(), SubscriptionDocument.class);
			if (stored == null) {
				return;
			}
			Subscription disabled = stored.toDomain().disable(reason);
			Query unchanged = Query.query(Criteria.where("_id").is(id.value()).and("version").is(stored.version));
			Update update = new Update().set("status", disabled.status())
				.set("disabledReason", disabled.disabledReason())
				.inc("version", 1);
			bindSecret(stored, update);
			if (mongo.updateFirst(unchanged, update, SubscriptionDocument.class).getMatchedCount() > 0) {
				return;
			}
		}
	}

	/**
	 * A write of a subscription whose secret predates the binding to its id also writes
	 * the secret bound.
	 */
	private void bindSecret(SubscriptionDocument stored, Update update) {
		if (stored.encryptedSecret != null && SecretCipher.isUnbound(stored.encryptedSecret)) {
			SubscriptionId id = new SubscriptionId(stored.id);
			try {
				update.set("encryptedSecret", cipher.encrypt(cipher.decrypt(stored.encryptedSecret, id), id));
			}
			catch (IllegalStateException undecryptable) {
				// under another key: left as it is, the write itself must not fail for it
			}
		}
	}

	/**
	 * The ACTIVE subscriptions that want a digest of this kind, through the
	 * {@code by_digest} index.
	 */
	public List<Subscription> activeWithDigest(Digest digest) {
		return mongo
			.find(Query.query(Criteria.where("digest").is(digest).and("status").is(Subscription.Status.ACTIVE)),
					SubscriptionDocument.class)
			.stream()
			.map(SubscriptionDocument::toDomain)
			.toList();
	}

	/**
	 * The ACTIVE subscriptions an event is for, found through the matching index: the
	 * event's name or {@code *}, and for each filter field either no value or one of the
	 * event's values.
	 */
	public List<Subscription> matching(EventFacts facts) {
		Query query = Query.query(Criteria.where("status")
			.is(Subscription.Status.ACTIVE)
			.and("eventTypes")
			.in(facts.eventName(), SubscriptionDocument.ALL_EVENTS)
			.and("filter.partnershipId")
			.in(withNull(facts.partnershipIds()))
			.and("filter.localAuthorityId")
			.in(withNull(facts.localAuthorityIds()))
			.and("filter.country")
			.in(withNull(facts.countries()))
			.and("filter.theme")
			.in(withNull(facts.themes().stream().map(Enum::name).toList())));
		// The index finds the candidates; the domain has the last word on what matches.
		return mongo.find(query, SubscriptionDocument.class)
			.stream()
			.map(SubscriptionDocument::toDomain)
			.filter(subscription -> subscription.matches(facts))
			.toList();
	}

	private static List<Object> withNull(Collection<String> values) {
		List<Object> in = new ArrayList<>(values);
		in.addAll(Arrays.asList((Object) null));
		return in;
	}

}
