package org.decoop.notification.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.decoop.platform.domain.Phrase;
import org.decoop.notification.RetrySchedule;
import org.decoop.notification.email.EmailProperties;
import org.decoop.notification.email.RecipientQuota;
import org.decoop.notification.subscription.domain.Confirmation;
import org.decoop.notification.subscription.domain.ConfirmationToken;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.StateConflict;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address confirmations of EMAIL subscriptions: the e-mails due (for the worker that
 * sends them), the links they carry, and the use of a link. Every change is one write of
 * the subscription's document on the version it was read at, so two instances never both
 * claim one e-mail and a link is used once.
 */
@NamedInterface("api")
@Component
public class Confirmations {

	private static final int ROUNDS = 3;

	private final MongoTemplate mongo;

	private final RecipientQuota quota;

	private final EmailProperties properties;

	Confirmations(MongoTemplate mongo, RecipientQuota quota, EmailProperties properties) {
		this.mongo = mongo;
		this.quota = quota;
		this.properties = properties;
	}

	/**
	 * A confirmation e-mail claimed for sending: its subscription, the link's token
	 * (never stored), the version that holds the claim.
	 */
	public record Sending(Subscription subscription, ConfirmationToken token, Confirmation confirmation, long version) {
	}

	/**
	 * Counts one more confirmation e-mail to {@code address}.
	 * @throws TooManyConfirmations when the address had its share of them lately
	 */
	void take(String address, Instant now) {
		quota.takeConfirmation(address, now).ifPresent(retryAt -> {
			throw new TooManyConfirmations(properties.confirmationsPerAddress(), properties.confirmationWindow(),
					retryAt, now);
		});
	}

	/**
	 * The subscriptions whose confirmation e-mail is due, through the sparse
	 * {@code confirmation_mail_due} index.
	 */
	public List<SubscriptionId> mailDue(Instant now, int limit) {
		return mongo
			.find(Query.query(Criteria.where("confirmation.mailDueAt").lte(now)).limit(limit),
					SubscriptionDocument.class)
			.stream()
			.map(document -> new SubscriptionId(document.id))
			.toList();
	}

	/**
	 * Claims a due confirmation e-mail until {@code claimedUntil} and issues the token
	 * its link carries (the earlier links stop working); empty when it is not due (any
	 * more) or another worker was faster.
	 */
	public Optional<Sending> claim(SubscriptionId id, Instant now, Instant claimedUntil) {
		SubscriptionDocument document = mongo.findById(id.value(), SubscriptionDocument.class);
		if (document == null || document.confirmation == null
				|| document.status != Subscription.Status.PENDING_CONFIRMATION
				|| !document.confirmation.isMailDue(now)) {
			return Optional.empty();
		}
		ConfirmationToken token = ConfirmationToken.generate();
		Confirmation sending = document.confirmation.sending(token, now, properties.confirmationValidity(),
				claimedUntil);
		document.confirmation = sending;
		return saved(document).map(version -> new Sending(document.toDomain(), token, sending, version));
	}

	/**
	 * Records that the e-mail went; false when the claim was lost meanwhile (a resend, a
	 * takeover).
	 */
	public boolean sent(Sending sending, Instant now) {
		return record(sending, sending.confirmation().sent(now));
	}

	/**
	 * Records a failed attempt: another one at the schedule's next time, or none once it
	 * is spent.
	 */
	public boolean failed(Sending sending, String error, RetrySchedule schedule, Instant now) {
		return record(sending, sending.confirmation().failed(error, schedule, now));
	}

	private boolean record(Sending sending, Confirmation changed) {
		SubscriptionDocument document = mongo.findById(sending.subscription().id().value(), SubscriptionDocument.class);
		if (document == null || document.version == null || document.version != sending.version()) {
			return false;
		}
		document.confirmation = changed;
		return saved(document).isPresent();
	}

	/**
	 * The link of a confirmation e-mail: {@code <public
	 * URL>/api/subscriptions/{id}/confirmation?token=…}.
	 */
	public URI link(SubscriptionId id, ConfirmationToken token) {
		return UriComponentsBuilder.fromUri(properties.publicUrl())
			.path("/api/subscriptions/{id}/confirmation")
			.queryParam("token", token.value())
			.buildAndExpand(id.value())
			.encode()
			.toUri();
	}

	/** What {@code token} is worth for subscription {@code id}, without using it. */
	Confirmation.Outcome check(SubscriptionId id, String token, Instant now) {
		SubscriptionDocument document = mongo.findById(id.value(), SubscriptionDocument.class);
		return document == null || document.confirmation == null ? Confirmation.Outcome.UNKNOWN
				: document.confirmation.check(token, now);
	}

	/**
	 * Uses a confirmation link: with a {@link Confirmation.Outcome#VALID valid} token the
	 * subscription becomes ACTIVE and the link is spent, in one write.
	 * @return the outcome, and the subscription as it is now when it was VALID
	 */
	Confirmed confirm(SubscriptionId id, String token, Instant now) {
		for (int round = 0; round < ROUNDS; round++) {
			SubscriptionDocument document = mongo.findById(id.value(), SubscriptionDocument.class);
			if (document == null || document.confirmation == null) {
				return new Confirmed(Confirmation.Outcome.UNKNOWN, Optional.empty());
			}
			Confirmation.Outcome outcome = document.confirmation.check(token, now);
			if (outcome != Confirmation.Outcome.VALID) {
				return new Confirmed(outcome, Optional.empty());
			}
			Subscription confirmed = document.toDomain().confirm();
			document.status = confirmed.status();
			document.confirmation = document.confirmation.confirmed(now);
			if (saved(document).isPresent()) {
				return new Confirmed(outcome, Optional.of(confirmed));
			}
		}
		throw new OptimisticLockingFailureException("Subscription " + id + " changed too often at once");
	}

	/**
	 * The outcome of a link's use, and the subscription as it is now when the link was
	 * VALID.
	 */
	record Confirmed(Confirmation.Outcome outcome, Optional<Subscription> subscription) {
	}

	/**
	 * Sends the owner's subscription another confirmation e-mail, counted like the first;
	 * nothing changes while one is still on its way.
	 * @throws DoesNotExist for anyone but its owner
	 * @throws StateConflict when it does not await a confirmation
	 * @throws TooManyConfirmations when the address had its share of confirmation e-mails
	 * lately
	 */
	Subscription resend(SubscriptionId id, Actor owner, Instant now) {
		SubscriptionDocument document = mongo.findById(id.value(), SubscriptionDocument.class);
		if (document == null || !document.toDomain().isOwnedBy(owner)) {
			throw new DoesNotExist("Subscription", id.value());
		}
		if (document.status != Subscription.Status.PENDING_CONFIRMATION || document.confirmation == null) {
			throw new StateConflict(Phrase.of("notification.confirmation.not-awaited", id, document.status));
		}
		if (document.confirmation.mailDueAt() != null) {
			// one is on its way (due, being sent, or waiting for a retry): not a second
			// one, nor counted
			return document.toDomain();
		}
		Confirmation resent = document.confirmation.resent(now);
		take(document.toDomain().address(), now);
		document.confirmation = resent;
		if (saved(document).isEmpty()) {
			throw new OptimisticLockingFailureException("Subscription " + id + " changed meanwhile");
		}
		return document.toDomain();
	}

	/**
	 * Saves on the version read; the new version, or empty when another writer changed
	 * the document meanwhile.
	 */
	private Optional<Long> saved(SubscriptionDocument document) {
		try {
			// Spring Data sets the version of the document it saved
			return Optional.of(Objects.requireNonNull(mongo.save(document).version, "the saved version"));
		}
		catch (OptimisticLockingFailureException changedMeanwhile) {
			return Optional.empty();
		}
	}

}
