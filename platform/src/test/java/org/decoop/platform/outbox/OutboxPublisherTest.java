package org.decoop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.decoop.platform.tracing.Traces;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * What comes of sending an aggregate's events: which are acknowledged, refused for good,
 * or go again.
 */
class OutboxPublisherTest {

	private static final OutboxSource SOURCE = new OutboxSource("aggregates", "events", "/test-service");

	@SuppressWarnings("unchecked")
	private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);

	private final OutboxPublisher publisher = new OutboxPublisher(kafka, Traces.NONE);

	@Test
	void acknowledgesEventsInOrderUpToTheFirstThatFailedSoNoLaterOneOvertakesIt() {
		answers(acknowledged(), failed(new NetworkException("broker gone")), acknowledged());

		OutboxPublisher.Outcome outcome = publisher.send(SOURCE, "a-1", events("e-1", "e-2", "e-3"))
			.outcome(farDeadline());

		assertThat(outcome.acknowledged()).containsExactly("e-1");
		assertThat(outcome.refused()).isEmpty();
		assertThat(outcome.failed()).isEqualTo(2);
		assertThat(outcome.complete()).isFalse();
	}

	@Test
	void setsAsideAnEventTheBrokerRefusesForGoodWithTheReasonAndGoesOnWithTheOthers() {
		answers(acknowledged(), failed(new KafkaProducerException(null, "send failed",
				new RecordTooLargeException("too large for max.request.size"))), acknowledged());

		OutboxPublisher.Outcome outcome = publisher.send(SOURCE, "a-1", events("e-1", "e-2", "e-3"))
			.outcome(farDeadline());

		assertThat(outcome.acknowledged()).containsExactly("e-1", "e-3");
		assertThat(outcome.refused().entrySet()).singleElement().satisfies(refused -> {
			assertThat(refused.getKey().eventId()).isEqualTo("e-2");
			assertThat(refused.getValue()).contains("max.request.size");
		});
		assertThat(outcome.complete()).isTrue();
	}

	@Test
	void takesASendTheProducerRefusesAtOnceForAFailedSend() {
		when(kafka.send(any(ProducerRecord.class))).thenThrow(new IllegalStateException("producer closed"));

		OutboxPublisher.Outcome outcome = publisher.send(SOURCE, "a-1", events("e-1")).outcome(farDeadline());

		assertThat(outcome.acknowledged()).isEmpty();
		assertThat(outcome.failed()).isEqualTo(1);
	}

	@Test
	void stopsWaitingAtTheDeadlineAndLeavesTheUnacknowledgedToGoAgain() {
		answers(acknowledged(), new CompletableFuture<>());

		OutboxPublisher.Outcome outcome = publisher.send(SOURCE, "a-1", events("e-1", "e-2"))
			.outcome(System.nanoTime());

		assertThat(outcome.acknowledged()).containsExactly("e-1");
		assertThat(outcome.failed()).isEqualTo(1);
	}

	@Test
	void sendsEachEventAsACloudEventKeyedByItsAggregate() {
		answers(acknowledged());

		OutboxPublisher.Sending sending = publisher.send(SOURCE, "a-1", events("e-1"));

		assertThat(sending.acks()).hasSize(1);
		verify(kafka).send(ArgumentMatchers.<ProducerRecord<String, byte[]>>argThat(
				record -> record.topic().equals("events") && record.key().equals("a-1")));
	}

	@SafeVarargs
	private void answers(CompletableFuture<SendResult<String, byte[]>> first,
			CompletableFuture<SendResult<String, byte[]>>... next) {
		when(kafka.send(any(ProducerRecord.class))).thenReturn(first, next);
	}

	private static CompletableFuture<SendResult<String, byte[]>> acknowledged() {
		return CompletableFuture.completedFuture(null);
	}

	private static CompletableFuture<SendResult<String, byte[]>> failed(Exception e) {
		return CompletableFuture.failedFuture(e);
	}

	private static long farDeadline() {
		return System.nanoTime() + 10_000_000_000L;
	}

	private static List<OutboxEvent> events(String... ids) {
		return Arrays.stream(ids)
			.map(id -> new OutboxEvent(id, "org.decoop.PartnershipEstablished", "a-1",
					Instant.parse("2020-02-27T10:00:00Z"), "{}", "system", "test"))
			.toList();
	}

}
