package org.decoop.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.decoop.platform.domain.StateConflict;
import org.decoop.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One rebuild per read model across instances, held by a lease; a rebuild that lost its
 * claim writes nothing.
 */
class RebuildLedgerTest {

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private static final Instant T = Instant.parse("2026-12-07T16:00:00Z");

	private static final Duration LEASE = Duration.ofMinutes(2);

	private final MongoTemplate mongo = MONGO.freshDatabase();

	private final RebuildLedger ledger = new RebuildLedger(mongo);

	private final ReadModelPointers pointers = new ReadModelPointers(mongo, Duration.ZERO);

	@Test
	void refusesASecondRebuildWhileTheLeaseOfTheFirstRuns() {
		RebuildLedger.Claim first = ledger.claim("views", "a", "ops-1", T, T.plus(LEASE));

		assertThat(first.target()).isEqualTo("views_r1");
		assertThat(first.previous()).isEqualTo("views");
		assertThatThrownBy(() -> ledger.claim("views", "b", "ops-2", T.plusSeconds(60), T.plusSeconds(60).plus(LEASE)))
			.isInstanceOf(StateConflict.class)
			.hasMessageContaining("ops-1");
		assertThat(ledger.progress(first, 10, 0, 5, T.plusSeconds(90).plus(LEASE))).isTrue();
		assertThatThrownBy(
				() -> ledger.claim("views", "b", "ops-2", T.plus(LEASE).plusSeconds(1), T.plus(LEASE).plus(LEASE)))
			.as("progress extended the lease")
			.isInstanceOf(StateConflict.class);
	}

	@Test
	void takesOverARebuildWhoseLeaseRanOutAndTheAbandonedOneWritesNothingMore() {
		RebuildLedger.Claim abandoned = ledger.claim("views", "a", "ops-1", T, T.plus(LEASE));

		Instant later = T.plus(LEASE).plusSeconds(1);
		RebuildLedger.Claim next = ledger.claim("views", "b", "ops-2", later, later.plus(LEASE));

		assertThat(next.target()).isEqualTo("views_r2");
		assertThat(next.leftover()).as("the abandoned one's collection, to drop").isEqualTo("views_r1");
		assertThat(ledger.progress(abandoned, 10, 0, 0, later.plus(LEASE))).isFalse();
		assertThat(ledger.switchTo(abandoned, later)).isFalse();
		assertThat(pointers.active("views")).isEqualTo("views");
	}

	@Test
	void switchesThePointerAndFreesTheReadModelWhenFinished() {
		assertThat(pointers.active("views")).as("never rebuilt: its own collection").isEqualTo("views");
		RebuildLedger.Claim claim = ledger.claim("views", "a", "ops-1", T, T.plus(LEASE));

		assertThat(ledger.switchTo(claim, T.plusSeconds(1))).isTrue();
		ledger.end(claim, RebuildLedger.FINISHED, T.plusSeconds(2), null);

		assertThat(pointers.active("views")).isEqualTo("views_r1");
		RebuildLedger.Claim again = ledger.claim("views", "b", "ops-1", T.plusSeconds(3), T.plusSeconds(3).plus(LEASE));
		assertThat(again.previous()).isEqualTo("views_r1");
		assertThat(again.target()).isEqualTo("views_r2");
		assertThat(again.leftover()).isNull();
	}

}
