package org.decoop.platform.messaging;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The consumers' retries and dead letters (see {@link ConsumerErrorHandling}), for services that consume with the Stream binder. */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(ListenerContainerWithDlqAndRetryCustomizer.class)
public class ConsumerErrorHandlingConfiguration {

    /**
     * @param attempts how often a record that fails for its own content is tried before it is parked
     * @param maxInfrastructureBackOff the longest pause between two tries while the store or the broker is down
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
}
