package org.decoop.platform.messaging;

import java.time.Duration;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.decoop.platform.deadletter.DeadLetterController;
import org.decoop.platform.deadletter.DeadLetterSource;
import org.decoop.platform.deadletter.DeadLetters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The consumers' retries and dead letters (see {@link ConsumerErrorHandling}), for
 * services that consume with the Stream binder.
 */
@AutoConfiguration(
		after = { org.decoop.platform.PlatformAutoConfiguration.class,
				org.decoop.platform.security.SecurityAutoConfiguration.class },
		afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration" })
@ConditionalOnClass(ListenerContainerWithDlqAndRetryCustomizer.class)
public class ConsumerErrorHandlingConfiguration {

	/**
	 * @param attempts how often a record that fails for its own content is tried before
	 * it is parked
	 * @param maxInfrastructureBackOff the longest pause between two tries while the store
	 * or the broker is down
	 */
	@Bean
	@ConditionalOnMissingBean(ListenerContainerWithDlqAndRetryCustomizer.class)
	ConsumerErrorHandling consumerErrorHandling(KafkaProperties kafkaProperties,
			@Value("${decoop.consumers.attempts:4}") int attempts,
			@Value("${decoop.consumers.back-off:500ms}") Duration backOff,
			@Value("${decoop.consumers.max-infrastructure-back-off:30s}") Duration maxInfrastructureBackOff) {
		// Dead letters keep the record's key and value bytes as they came.
		Map<String, Object> producer = kafkaProperties.buildProducerProperties();
		KafkaTemplate<byte[], byte[]> deadLetters = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(producer, new ByteArraySerializer(), new ByteArraySerializer()));
		return new ConsumerErrorHandling(deadLetters, attempts, backOff, maxInfrastructureBackOff);
	}

	/**
	 * Operators list and replay what the consumers parked (GET/POST
	 * /api/ops/dead-letters, role ops).
	 */
	@Bean
	@ConditionalOnBean(DeadLetterSource.class)
	DeadLetters deadLetters(List<DeadLetterSource> sources, KafkaProperties kafkaProperties, MongoTemplate mongo,
			Clock clock) {
		Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new DeadLetters(sources,
				() -> new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()), mongo,
				clock);
	}

	@Bean
	@ConditionalOnBean(DeadLetters.class)
	DeadLetterController deadLetterController(DeadLetters deadLetters) {
		return new DeadLetterController(deadLetters);
	}

}
