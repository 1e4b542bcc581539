package org.decoop.platform.messaging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Tells a record that fails for its own content from a failure of the infrastructure. A
 * record that cannot be read or applied (unreadable, invalid, from the wrong source) is
 * tried a few times, then parked on its dead-letter topic with the reason. When the store
 * or the broker is down, every record would fail the same way: parking them would empty
 * the topic into the dead-letter topic during an outage. So those are retried without
 * limit, with a back-off capped at {@code maxInfrastructureBackOff}, and the consumer
 * resumes where it stopped once the infrastructure is back.
 */
public class ConsumerErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer {

	private final KafkaOperations<byte[], byte[]> deadLetters;

	private final int contentAttempts;

	private final Duration contentBackOff;

	private final Duration maxInfrastructureBackOff;

	public ConsumerErrorHandling(KafkaOperations<byte[], byte[]> deadLetters, int contentAttempts,
			Duration contentBackOff, Duration maxInfrastructureBackOff) {
		this.deadLetters = deadLetters;
		this.contentAttempts = contentAttempts;
		this.contentBackOff = contentBackOff;
		this.maxInfrastructureBackOff = maxInfrastructureBackOff;
	}

	@Override
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
			@Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
			@Nullable BackOff backOff) {
		DeadLetterPublishingRecoverer recoverer = dlqDestinationResolver == null
				? new DeadLetterPublishingRecoverer(deadLetters)
				: new DeadLetterPublishingRecoverer(deadLetters, dlqDestinationResolver::apply);
		// The reason an operator reads is the record's, not the wrappers' around it
		// ("Listener failed; …").
		recoverer.setExceptionHeadersCreator((headers, exception, isKey, names) -> {
			Throwable reason = NestedExceptionUtils.getMostSpecificCause(exception);
			StringWriter trace = new StringWriter();
			exception.printStackTrace(new PrintWriter(trace));
			headers.add(names.getExceptionInfo().getExceptionFqcn(),
					reason.getClass().getName().getBytes(StandardCharsets.UTF_8));
			headers.add(names.getExceptionInfo().getExceptionMessage(),
					String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
			headers.add(names.getExceptionInfo().getExceptionStacktrace(),
					trace.toString().getBytes(StandardCharsets.UTF_8));
		});
		DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer,
				new FixedBackOff(contentBackOff.toMillis(), Math.max(0, contentAttempts - 1)));
		ExponentialBackOff untilBack = new ExponentialBackOff(500, 2.0);
		untilBack.setMaxInterval(maxInfrastructureBackOff.toMillis());
		errorHandler.setBackOffFunction((record, exception) -> isInfrastructure(exception) ? untilBack : null);
		container.setCommonErrorHandler(errorHandler);
	}

	/** Retries and dead letters are the container's (above), not the binding's. */
	@Override
	public boolean retryAndDlqInBinding(String destinationName, String group) {
		return false;
	}

	/**
	 * The store or the broker failed, not the record: a connection, a timeout, a node
	 * going away.
	 */
	static boolean isInfrastructure(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
					|| cause instanceof RetriableException) {
				return true;
			}
		}
		return false;
	}

}
