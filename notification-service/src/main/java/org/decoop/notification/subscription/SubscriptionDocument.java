package org.decoop.notification.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.decoop.events.Channel;
import org.decoop.events.Country;
import org.decoop.events.Theme;
import org.decoop.notification.subscription.domain.Confirmation;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.notification.subscription.domain.Filter;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.platform.i18n.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a subscription is stored. {@code eventTypes} holds {@code *} for "every event", and
 * the compound index serves the matching query: candidates are found by event name and
 * filter values, never by scanning every subscription.
 */
@Document(SubscriptionDocument.COLLECTION)
@CompoundIndexes({
		@CompoundIndex(name = "matching",
				def = "{'status': 1, 'eventTypes': 1, 'filter.partnershipId': 1, "
						+ "'filter.localAuthorityId': 1, 'filter.country': 1, 'filter.theme': 1}"),
		@CompoundIndex(name = "by_owner", def = "{'owner': 1, 'createdAt': 1, '_id': 1}"),
		// the digest job's pass: the ACTIVE subscriptions of one digest kind (those
		// stored before digests have none)
		@CompoundIndex(name = "by_digest", def = "{'digest': 1, 'status': 1}"),
		// the confirmation e-mails due: only the few subscriptions that have one waiting
		// are in it
		@CompoundIndex(name = "confirmation_mail_due", def = "{'confirmation.mailDueAt': 1}", sparse = true) })
// Spring Data sets the fields of a document it reads; of() sets them for one it writes
@SuppressWarnings("NullAway.Init")
class SubscriptionDocument {

	static final String COLLECTION = "subscriptions";
	static final String ALL_EVENTS = "*";

	@Id
	String id;

	@Version
	@Nullable Long version;

	/** Absent in documents stored before owners existed. */
	@Nullable String owner;

	String subscriber;

	Channel channel;

	/** Absent for an INBOX. */
	@Nullable String target;

	List<String> eventTypes;

	@Nullable FilterEntry filter;

	Subscription.Status status;

	@Nullable String disabledReason;

	Instant createdAt;

	/** A WEBHOOK subscription's signing secret, encrypted; absent for other channels. */
	@Nullable String encryptedSecret;

	/**
	 * DAILY or WEEKLY for an EMAIL digest; absent otherwise (and in documents stored
	 * before digests).
	 */
	@Nullable Digest digest;

	/**
	 * An EMAIL subscription's address confirmation and its e-mail; absent for other
	 * channels (and older documents).
	 */
	@Nullable Confirmation confirmation;

	/**
	 * The language it speaks, a BCP 47 tag (sr-Latn); absent in documents stored before
	 * (English).
	 */
	@Nullable String locale;

	static SubscriptionDocument of(Subscription subscription, @Nullable String encryptedSecret) {
		SubscriptionDocument document = new SubscriptionDocument();
		document.id = subscription.id().value();
		document.owner = subscription.owner();
		document.subscriber = subscription.subscriber();
		document.channel = subscription.channel();
		document.target = subscription.target();
		document.eventTypes = subscription.eventTypes().isEmpty() ? List.of(ALL_EVENTS)
				: List.copyOf(subscription.eventTypes());
		Filter filter = subscription.filter();
		document.filter = new FilterEntry(filter.partnershipId(), filter.localAuthorityId(),
				filter.country() == null ? null : filter.country().code(), filter.theme());
		document.status = subscription.status();
		document.disabledReason = subscription.disabledReason();
		document.createdAt = subscription.createdAt();
		document.encryptedSecret = encryptedSecret;
		document.digest = subscription.isDigest() ? subscription.digest() : null;
		document.locale = subscription.locale().toLanguageTag();
		return document;
	}

	Subscription toDomain() {
		Set<String> types = eventTypes.contains(ALL_EVENTS) ? Set.of() : Set.copyOf(eventTypes);
		Filter domainFilter = filter == null ? Filter.NONE
				: new Filter(filter.partnershipId(), filter.localAuthorityId(),
						filter.country() == null ? null : Country.of(filter.country()), filter.theme());
		return new Subscription(new SubscriptionId(id), owner, subscriber, channel, target, types, domainFilter, status,
				disabledReason, createdAt, digest == null ? Digest.NONE : digest,
				locale == null ? Languages.DEFAULT : Locale.forLanguageTag(locale));
	}

	record FilterEntry(@Nullable String partnershipId, @Nullable String localAuthorityId, @Nullable String country,
			@Nullable Theme theme) {
	}

}
