package org.decoop.platform.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.decoop.platform.tracing.Traces;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends outbox events to their topic as CloudEvents and tells what came of it. Sending
 * does not wait: the producer pipelines and batches the records (acks=all, idempotent);
 * the {@link Sending#outcome outcome} then waits for the acknowledgements, in order.
 */
class OutboxPublisher {

	private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

	private final KafkaTemplate<String, byte[]> kafka;

	private final Traces tracing;

	OutboxPublisher(KafkaTemplate<String, byte[]> kafka, Traces tracing) {
		this.kafka = kafka;
		this.tracing = tracing;
	}

	/**
	 * Sends an aggregate's events, in order, to one partition (key = aggregate id), each
	 * in the trace of its write.
	 */
	Sending send(OutboxSource source, Object id, List<OutboxEvent> events) {
		List<CompletableFuture<SendResult<String, byte[]>>> acks = events.stream()
			.map(event -> tracing.inTraceOf(event.traceparent(), "outbox relay " + source.topic(),
					() -> send(CloudEventRecords.toRecord(event, source.topic(), source.source()))))
			.toList();
		return new Sending(id, events, acks);
	}

	/**
	 * Hands what was sent to the broker now, rather than when the producer's linger runs
	 * out.
	 */
	void flush() {
		kafka.flush();
	}

	/**
	 * A send that the producer refuses at once (a record too large, say) is a failed send
	 * like any other.
	 */
	private CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
		try {
			return kafka.send(record);
		}
		catch (RuntimeException e) {
			return CompletableFuture.failedFuture(e);
		}
	}

	/** Failures that sending again cannot cure: the record itself is unacceptable. */
	static boolean refusedForGood(@Nullable Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
					|| cause instanceof InvalidRecordException || cause instanceof SerializationException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An aggregate's events on their way, with the broker's acknowledgement of each to
	 * come.
	 */
	record Sending(Object id, List<OutboxEvent> events, List<CompletableFuture<SendResult<String, byte[]>>> acks) {

		/**
		 * The events acknowledged, in order, up to the first that was not and may be next
		 * time; those refused for good on the way are set apart.
		 */
		Outcome outcome(long deadlineNanos) {
			List<String> acknowledged = new ArrayList<>();
			Map<OutboxEvent, String> refused = new LinkedHashMap<>();
			for (int i = 0; i < events.size(); i++) {
				try {
					acks.get(i).get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
					acknowledged.add(events.get(i).eventId());
				}
				catch (ExecutionException e) {
					if (refusedForGood(e.getCause())) {
						refused.put(events.get(i), NestedExceptionUtils.getMostSpecificCause(e).getMessage());
						continue;
					}
					log.warn("Event {} of aggregate {} was not acknowledged; it will be sent again: {}",
							events.get(i).eventId(), id, e.getMessage());
					break;
				}
				catch (TimeoutException e) {
					log.warn("Event {} of aggregate {} was not acknowledged in time; it will be sent again",
							events.get(i).eventId(), id);
					break;
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			return new Outcome(events.size(), acknowledged, refused);
		}
	}

	/**
	 * What came of sending an aggregate's {@code sent} events: those acknowledged, and
	 * those refused for good, with why; the others failed and go again.
	 */
	record Outcome(int sent, List<String> acknowledged, Map<OutboxEvent, String> refused) {

		/** How many failed for now: they stay in the outbox. */
		int failed() {
			return sent - acknowledged.size() - refused.size();
		}

		/**
		 * Whether every event is settled (acknowledged or refused): nothing of the
		 * aggregate's is left to send.
		 */
		boolean complete() {
			return failed() == 0;
		}
	}

}
