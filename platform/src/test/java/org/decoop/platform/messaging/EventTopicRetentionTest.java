package org.decoop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.decoop.events.EventCatalog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An operator relies on it: a service never runs quietly on topics that lose decoop's
 * history.
 */
class EventTopicRetentionTest {

	private static EmbeddedKafkaKraftBroker kafka;

	@BeforeAll
	static void startBroker() {
		kafka = new EmbeddedKafkaKraftBroker(1, 1);
		kafka.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		kafka.destroy();
	}

	@Test
	void passesTopicsThatKeepEveryEventAndTopicsNotCreatedYet() throws Exception {
		String kept = create(EventCatalog.TOPIC_SETTINGS);

		assertThat(retention(List.of(kept, "not-created-" + UUID.randomUUID()), false).check()).isEmpty();
	}

	@Test
	void refusesToStartOnATopicWithTheBrokersDefaultRetentionNamingTopicAndSetting() throws Exception {
		String weekLong = create(Map.of());

		assertThatThrownBy(() -> retention(List.of(weekLong), false).start()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Topic " + weekLong + " has retention.ms=604800000")
			.hasMessageContaining(EventTopicRetention.ALLOW_LIMITED_RETENTION + "=true");
	}

	@Test
	void refusesSizeLimitsAndCompactionWhichKeepsOnlyAKeysLastEvent() throws Exception {
		String bounded = create(Map.of("retention.ms", "-1", "retention.bytes", "1073741824"));
		String compacted = create(Map.of("retention.ms", "-1", "cleanup.policy", "compact"));

		assertThat(retention(List.of(bounded, compacted), false).check()).containsExactly("Topic " + bounded
				+ " has retention.bytes=1073741824, which drops events (every event topic keeps all: retention.bytes=-1)",
				"Topic " + compacted
						+ " has cleanup.policy=compact, which drops events (every event topic keeps all: cleanup.policy=delete)");
	}

	@Test
	void startsOnALoweredRetentionWhenTheOperatorSaysItIsOnPurpose() throws Exception {
		String weekLong = create(Map.of());

		assertThatCode(() -> retention(List.of(weekLong), true).start()).doesNotThrowAnyException();
	}

	@Test
	void startsWhenNoBrokerAnswersSinceTheServicesWaitForKafka() {
		EventTopicRetention unreachable = new EventTopicRetention(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"), List.of("partnership-events"), false,
				Duration.ofMillis(500));

		assertThatCode(unreachable::start).doesNotThrowAnyException();
	}

	private static EventTopicRetention retention(List<String> topics, boolean allowLimited) {
		return new EventTopicRetention(adminConfig(), topics, allowLimited, Duration.ofSeconds(10));
	}

	private static Map<String, Object> adminConfig() {
		return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
	}

	private static String create(Map<String, String> configs) throws Exception {
		String topic = "events-" + UUID.randomUUID();
		try (Admin admin = Admin.create(adminConfig())) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(configs))).all().get();
		}
		return topic;
	}

}
