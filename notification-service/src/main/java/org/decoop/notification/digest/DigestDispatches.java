package org.decoop.notification.digest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.decoop.notification.digest.domain.DigestDispatch;
import org.decoop.notification.digest.domain.DigestPeriod;
import org.decoop.notification.digest.domain.DigestStatus;
import org.decoop.platform.mongo.MongoPages;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The stored digests, one per (subscription, period start), and the claims on them. Every
 * write is conditional: a new claim is an insert that fails on the duplicate key when
 * another instance claimed the period first; any later change is saved on the version it
 * was read at.
 */
@Component
class DigestDispatches {

	private final MongoTemplate mongo;

	DigestDispatches(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Optional<DigestDispatch> find(String subscriptionId, Instant periodStart) {
		return Optional
			.ofNullable(mongo.findById(DigestDocument.idOf(subscriptionId, periodStart), DigestDocument.class))
			.map(DigestDocument::toDomain);
	}

	/**
	 * Claims the digest of a subscription for a period until {@code leasedUntil}: a new
	 * claim, or the takeover of one whose holder's lease ran out or whose retry is due.
	 * Empty when it is taken, done, or another instance was faster.
	 */
	Optional<DigestDispatch> claim(String subscriptionId, DigestPeriod period, Instant now, Instant leasedUntil) {
		Optional<DigestDispatch> stored = find(subscriptionId, period.start());
		return stored.isEmpty() ? claimNew(subscriptionId, period, leasedUntil)
				: takeOver(stored.get(), now, leasedUntil);
	}

	/**
	 * A new claim on a period that has no digest yet: an insert, empty when another
	 * instance stored one first.
	 */
	Optional<DigestDispatch> claimNew(String subscriptionId, DigestPeriod period, Instant leasedUntil) {
		try {
			return Optional
				.of(mongo.insert(DigestDocument.of(DigestDispatch.claim(subscriptionId, period, leasedUntil)))
					.toDomain());
		}
		catch (DuplicateKeyException claimedByAnotherInstance) {
			return Optional.empty();
		}
	}

	/**
	 * Takes over a stored digest (read at its version) whose lease ran out or whose retry
	 * is due, until {@code leasedUntil}. Empty when it cannot be taken over or another
	 * instance took it first.
	 */
	Optional<DigestDispatch> takeOver(DigestDispatch stored, Instant now, Instant leasedUntil) {
		if (!stored.canBeTakenOver(now)) {
			return Optional.empty();
		}
		stored.takeOver(now, leasedUntil);
		return save(stored);
	}

	/**
	 * Digests of any period due at {@code now}: RETRYING whose next attempt is due (index
	 * {@code due_retries}), SENDING whose holder's lease ran out (index
	 * {@code expired_leases}). One query; at most {@code limit} of them (the rest are
	 * found by the next pass).
	 */
	List<DigestDispatch> due(Instant now, int limit) {
		Criteria retries = Criteria.where("status").is(DigestStatus.RETRYING).and("nextAttemptAt").lte(now);
		Criteria expiredLeases = Criteria.where("status").is(DigestStatus.SENDING).and("leasedUntil").lte(now);
		return mongo
			.find(Query.query(new Criteria().orOperator(retries, expiredLeases)).limit(limit), DigestDocument.class)
			.stream()
			.map(DigestDocument::toDomain)
			.toList();
	}

	/**
	 * Saves what changed, on the version it was read at; empty when another instance
	 * changed it meanwhile (took it over).
	 */
	Optional<DigestDispatch> save(DigestDispatch dispatch) {
		try {
			return Optional.of(mongo.save(DigestDocument.of(dispatch)).toDomain());
		}
		catch (OptimisticLockingFailureException changedMeanwhile) {
			return Optional.empty();
		}
	}

	/**
	 * A subscription's digests, newest period first; those of empty periods are left out
	 * (nothing was sent).
	 */
	Page<DigestDispatch> ofSubscription(String subscriptionId, int page, int size) {
		return MongoPages
			.find(mongo, Criteria.where("subscriptionId").is(subscriptionId).and("status").ne(DigestStatus.EMPTY),
					PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "periodStart")), DigestDocument.class)
			.map(DigestDocument::toDomain);
	}

}
