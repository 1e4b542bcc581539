package org.decoop.platform.readmodel;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Read models found through their pointers, and rebuilt by operators
 * ({@code /api/ops/read-models/{name}/rebuild}) in the services that declare
 * {@link RebuildableReadModel}s.
 */
@AutoConfiguration(
		after = { org.decoop.platform.PlatformAutoConfiguration.class,
				org.decoop.platform.security.SecurityAutoConfiguration.class },
		afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnBean(MongoTemplate.class)
@EnableConfigurationProperties(ReadModelProperties.class)
public class ReadModelConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReadModelPointers readModelPointers(MongoTemplate mongo, ReadModelProperties properties) {
		return new ReadModelPointers(mongo, properties.pointerRefresh());
	}

	@Bean
	@ConditionalOnBean({ RebuildableReadModel.class, ConsumerFactory.class })
	ReadModelRebuilds readModelRebuilds(List<RebuildableReadModel> readModels, ReadModelPointers pointers,
			MongoTemplate mongo, ConsumerFactory<?, ?> consumers, ReadModelProperties properties, Clock clock,
			ObjectProvider<MeterRegistry> meters) {
		return new ReadModelRebuilds(readModels, pointers, mongo, consumers, properties, clock,
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	@ConditionalOnBean(ReadModelRebuilds.class)
	ReadModelRebuildController readModelRebuildController(ReadModelRebuilds rebuilds) {
		return new ReadModelRebuildController(rebuilds);
	}

}
