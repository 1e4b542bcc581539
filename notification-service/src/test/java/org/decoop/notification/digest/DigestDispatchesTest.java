package org.decoop.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.decoop.notification.RetrySchedule;
import org.decoop.notification.digest.domain.DigestDispatch;
import org.decoop.notification.digest.domain.DigestPeriod;
import org.decoop.notification.digest.domain.DigestStatus;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;

/**
 * Two instances claiming one period's digest in the store: one wins; a dead holder's
 * claim is taken over; a sent one never.
 */
class DigestDispatchesTest {

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private static final Instant NOW = Instant.parse("2026-11-27T07:00:30Z");

	private static final Duration LEASE = Duration.ofSeconds(60);

	private static final DigestPeriod PERIOD = new DigestPeriod(Digest.DAILY, Instant.parse("2026-11-26T07:00:00Z"),
			Instant.parse("2026-11-27T07:00:00Z"));

	private final MongoTemplate mongo = withIndexes(MONGO.freshDatabase());

	private final DigestDispatches oneInstance = new DigestDispatches(mongo);

	private final DigestDispatches anotherInstance = new DigestDispatches(mongo);

	@Test
	void onlyOneOfTwoInstancesClaimsAPeriod() {
		assertThat(oneInstance.claim("s-1", PERIOD, NOW, NOW.plus(LEASE))).isPresent();
		assertThat(anotherInstance.claim("s-1", PERIOD, NOW, NOW.plus(LEASE))).as("the same period").isEmpty();
		assertThat(anotherInstance.claim("s-2", PERIOD, NOW, NOW.plus(LEASE))).as("another subscription").isPresent();
	}

	@Test
	void aClaimWhoseHolderDiedIsTakenOverOnceItsLeaseRanOutAndTheLateHolderCannotSave() {
		DigestDispatch died = oneInstance.claim("s-1", PERIOD, NOW, NOW.plus(LEASE)).orElseThrow();

		assertThat(anotherInstance.claim("s-1", PERIOD, NOW.plusSeconds(59), NOW.plusSeconds(119))).isEmpty();
		DigestDispatch takenOver = anotherInstance.claim("s-1", PERIOD, NOW.plus(LEASE), NOW.plus(LEASE).plus(LEASE))
			.orElseThrow();
		takenOver.sent(4, NOW.plus(LEASE).plusSeconds(1));
		assertThat(anotherInstance.save(takenOver)).isPresent();

		died.failed(4, "mail server unreachable", NOW.plus(LEASE).plusSeconds(2),
				new RetrySchedule(List.of(Duration.ofSeconds(5))));
		assertThat(oneInstance.save(died)).as("a late holder never overwrites the outcome").isEmpty();
		assertThat(oneInstance.find("s-1", PERIOD.start()).orElseThrow().status()).isEqualTo(DigestStatus.SENT);
	}

	@Test
	void aSentDigestIsNeverClaimedAgain() {
		DigestDispatch claimed = oneInstance.claim("s-1", PERIOD, NOW, NOW.plus(LEASE)).orElseThrow();
		claimed.sent(1, NOW);
		oneInstance.save(claimed);

		assertThat(anotherInstance.claim("s-1", PERIOD, NOW.plus(Duration.ofDays(2)),
				NOW.plus(Duration.ofDays(2)).plus(LEASE)))
			.isEmpty();
	}

	@Test
	void theSweepFindsDueRetriesAndRunOutLeasesOfAnyPeriodAndNothingElse() {
		RetrySchedule retries = new RetrySchedule(List.of(Duration.ofHours(10)));
		DigestPeriod weekAgo = new DigestPeriod(Digest.DAILY, PERIOD.start().minus(Duration.ofDays(7)),
				PERIOD.end().minus(Duration.ofDays(7)));
		DigestDispatch oldRetry = oneInstance.claim("s-retry", weekAgo, NOW, NOW.plus(LEASE)).orElseThrow();
		oldRetry.failed(3, "mail server unreachable", NOW, retries);
		oneInstance.save(oldRetry);
		DigestDispatch laterRetry = oneInstance.claim("s-later", PERIOD, NOW, NOW.plus(LEASE)).orElseThrow();
		laterRetry.failed(3, "mail server unreachable", NOW.plus(Duration.ofHours(1)), retries);
		oneInstance.save(laterRetry);
		oneInstance.claim("s-crashed", weekAgo, NOW, NOW.plus(LEASE));
		oneInstance.claim("s-live", PERIOD, NOW, NOW.plus(Duration.ofHours(11)));
		DigestDispatch sent = oneInstance.claim("s-sent", weekAgo, NOW, NOW.plus(LEASE)).orElseThrow();
		sent.sent(1, NOW);
		oneInstance.save(sent);

		Instant inTenHours = NOW.plus(Duration.ofHours(10));
		assertThat(anotherInstance.due(inTenHours, 100)).extracting(DigestDispatch::subscriptionId)
			.containsExactlyInAnyOrder("s-retry", "s-crashed");
		assertThat(anotherInstance.due(inTenHours, 1)).hasSize(1);

		DigestDispatch found = anotherInstance.due(inTenHours, 100)
			.stream()
			.filter(dispatch -> dispatch.subscriptionId().equals("s-retry"))
			.findFirst()
			.orElseThrow();
		assertThat(found.period()).as("its period, rebuilt from what was stored").isEqualTo(weekAgo);
		assertThat(anotherInstance.takeOver(found, inTenHours, inTenHours.plus(LEASE))).isPresent();
		assertThat(oneInstance.due(inTenHours, 100)).extracting(DigestDispatch::subscriptionId)
			.containsExactly("s-crashed");
	}

	@Test
	void aHolderCannotRenewItsLeaseOnceAnotherInstanceTookItOver() {
		DigestDispatch slow = oneInstance.claim("s-1", PERIOD, NOW, NOW.plus(LEASE)).orElseThrow();
		DigestDispatch takenOver = anotherInstance.claim("s-1", PERIOD, NOW.plus(LEASE), NOW.plus(LEASE).plus(LEASE))
			.orElseThrow();

		slow.renewLease(NOW.plus(LEASE).plus(Duration.ofMinutes(5)));
		assertThat(oneInstance.save(slow)).as("it must not send: another instance holds it").isEmpty();

		takenOver.renewLease(NOW.plus(Duration.ofMinutes(10)));
		assertThat(anotherInstance.save(takenOver)).isPresent();
		assertThat(oneInstance.find("s-1", PERIOD.start()).orElseThrow().leasedUntil())
			.contains(NOW.plus(Duration.ofMinutes(10)));
	}

	@Test
	void listsASubscriptionsDigestsNewestFirstWithoutTheEmptyPeriods() {
		DigestPeriod earlier = new DigestPeriod(Digest.DAILY, PERIOD.start().minus(Duration.ofDays(1)), PERIOD.start());
		DigestDispatch sent = oneInstance.claim("s-1", earlier, NOW, NOW.plus(LEASE)).orElseThrow();
		sent.sent(2, NOW);
		oneInstance.save(sent);
		DigestDispatch empty = oneInstance.claim("s-1", PERIOD, NOW, NOW.plus(LEASE)).orElseThrow();
		empty.nothingToSend();
		oneInstance.save(empty);
		oneInstance.claim("s-2", PERIOD, NOW, NOW.plus(LEASE));

		assertThat(oneInstance.ofSubscription("s-1", 0, 20).getContent())
			.extracting(dispatch -> dispatch.period().start())
			.containsExactly(earlier.start());
	}

	private static MongoTemplate withIndexes(MongoTemplate mongo) {
		new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext())
			.resolveIndexFor(DigestDocument.class)
			.forEach(index -> mongo.indexOps(DigestDocument.class).createIndex(index));
		return mongo;
	}

}
