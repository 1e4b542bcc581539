package org.decoop.partnership.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willAnswer;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.decoop.events.PartnershipStatus;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.platform.testing.EventTopics;
import org.decoop.platform.testing.ServiceScenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * An outage of the store longer than a record's retries parks nothing: the consumer tries
 * the same record until the store is back, and the signed plan still reactivates the
 * partnership.
 */
@ServiceScenario(database = "partnerships-outage", webEnvironment = SpringBootTest.WebEnvironment.NONE)
class StoreOutageIntegrationTest {

	private static final Duration OUTAGE = Duration.ofSeconds(8);

	@MockitoSpyBean
	PartnershipService service;

	@Autowired
	Partnerships partnerships;

	@Test
	void retriesThroughAStoreOutageLongerThanTheRetriesOfABadRecordAndParksNothing() throws Exception {
		Partnership dormant = DormantPartnerships.stored(partnerships);

		// The store answers nothing for OUTAGE: longer than the ~1.5 s a bad record is
		// retried before it is parked.
		long outageEnds = System.nanoTime() + OUTAGE.toNanos();
		AtomicInteger attemptsDuringOutage = new AtomicInteger();
		willAnswer(invocation -> {
			if (System.nanoTime() < outageEnds) {
				attemptsDuringOutage.incrementAndGet();
				throw new DataAccessResourceFailureException(
						"Timed out while waiting for a server (the store is down)");
			}
			return invocation.callRealMethod();
		}).given(service).planSigned(any(), anyString(), anyString(), anyInt(), any(), any());

		String planId = "plan-outage-" + UUID.randomUUID();
		DormantPartnerships.publishPlanSigned(planId, dormant);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(partnerships.get(dormant.id()).status()).isEqualTo(PartnershipStatus.ACTIVE));
		assertThat(attemptsDuringOutage.get())
			.as("tried again and again during the outage, as often as a bad record at least")
			.isGreaterThanOrEqualTo(4);
		try (KafkaConsumer<String, byte[]> dlq = EventTopics.consumer("plan-events.partnership-service.dlq")) {
			assertThat(dlq.poll(Duration.ofSeconds(2))).extracting(record -> record.key())
				.as("nothing parked for an outage")
				.doesNotContain(planId);
		}
	}

}
