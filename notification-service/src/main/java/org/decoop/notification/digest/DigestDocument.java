package org.decoop.notification.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.decoop.notification.digest.domain.DigestAttempt;
import org.decoop.notification.digest.domain.DigestDispatch;
import org.decoop.notification.digest.domain.DigestPeriod;
import org.decoop.notification.digest.domain.DigestStatus;
import org.decoop.notification.subscription.domain.Digest;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a {@link DigestDispatch} is stored. Its id is (subscription, period start), so the
 * insert of a second claim on one period fails on the duplicate key; the index on the
 * same pair (unique, as the id is) serves a subscription's digests, newest first. The
 * digest job's sweep finds due retries through {@code due_retries} and claims whose lease
 * ran out through {@code expired_leases}, whatever their period.
 */
@Document(DigestDocument.COLLECTION)
@CompoundIndexes({
		@CompoundIndex(name = "by_subscription", def = "{'subscriptionId': 1, 'periodStart': -1}", unique = true),
		@CompoundIndex(name = "due_retries", def = "{'status': 1, 'nextAttemptAt': 1}"),
		@CompoundIndex(name = "expired_leases", def = "{'status': 1, 'leasedUntil': 1}") })
// Spring Data sets the fields of a document it reads; of() sets them for one it writes
@SuppressWarnings("NullAway.Init")
class DigestDocument {

	static final String COLLECTION = "digests";

	@Id
	String id;

	@Version
	@Nullable Long version;

	String subscriptionId;

	Digest digest;

	Instant periodStart;

	Instant periodEnd;

	DigestStatus status;

	@Nullable Instant leasedUntil;

	@Nullable Instant nextAttemptAt;

	@Nullable Instant sentAt;

	long notificationCount;

	int attemptCount;

	List<DigestAttempt> attempts = new ArrayList<>();

	static String idOf(String subscriptionId, Instant periodStart) {
		return subscriptionId + ":" + periodStart;
	}

	static DigestDocument of(DigestDispatch dispatch) {
		DigestDocument document = new DigestDocument();
		document.id = idOf(dispatch.subscriptionId(), dispatch.period().start());
		// saved on the version it was read at; none for a new one (an insert)
		document.version = dispatch.isNew() ? null : dispatch.loadedVersion();
		document.subscriptionId = dispatch.subscriptionId();
		document.digest = dispatch.period().digest();
		document.periodStart = dispatch.period().start();
		document.periodEnd = dispatch.period().end();
		document.status = dispatch.status();
		document.leasedUntil = dispatch.leasedUntil().orElse(null);
		document.nextAttemptAt = dispatch.nextAttemptAt().orElse(null);
		document.sentAt = dispatch.sentAt().orElse(null);
		document.notificationCount = dispatch.notificationCount();
		document.attemptCount = dispatch.attemptCount();
		document.attempts = new ArrayList<>(dispatch.attempts());
		return document;
	}

	/**
	 * The version it was read at; one read is always versioned (Spring Data sets it on
	 * insert).
	 */
	private long loadedVersion() {
		if (version == null) {
			throw new IllegalStateException("Digest " + id + " has no version");
		}
		return version;
	}

	DigestDispatch toDomain() {
		return new DigestDispatch(subscriptionId, new DigestPeriod(digest, periodStart, periodEnd), loadedVersion(),
				status, leasedUntil, nextAttemptAt, sentAt, notificationCount, attemptCount,
				attempts == null ? List.of() : attempts);
	}

}
