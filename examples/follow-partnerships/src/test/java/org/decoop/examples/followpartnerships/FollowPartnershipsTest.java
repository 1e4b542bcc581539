package org.decoop.examples.followpartnerships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.decoop.events.DecoopEvent;
import org.decoop.events.EventCatalog;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnerSearchOpened;
import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent.Partner;
import org.decoop.events.partnership.PartnershipReactivated;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.events.partnership.PartnerSearchEvent.Searcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import tools.jackson.databind.json.JsonMapper;

/**
 * The example does what docs/events.md promises: joins late, reads from the first event,
 * then follows.
 */
@ExtendWith(OutputCaptureExtension.class)
class FollowPartnershipsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<Partner> PARTNERS = List.of(new Partner("a1", "Nevers", "FR", "FR-NEVERS"),
			new Partner("a2", "Sremska Mitrovica", "RS", "RS-SREMSKA-MITROVICA"));

	private static EmbeddedKafkaKraftBroker kafka;

	@BeforeAll
	static void startBroker() {
		kafka = new EmbeddedKafkaKraftBroker(1, 3, "partnership-events");
		kafka.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		kafka.destroy();
	}

	@Test
	void keepsATableOfEveryPartnershipFromTheFirstEventOnAndPrintsEachChange(CapturedOutput output) {
		Instant t0 = Instant.parse("2012-05-10T09:00:00Z");
		publish(new PartnershipEstablished("p1", 0, PartnershipStatus.ACTIVE, PARTNERS, 2003,
				Set.of(Theme.CULTURE, Theme.YOUTH), null, t0), "/partnership-service");
		publish(new PartnershipWentDormant("p1", 1, PartnershipStatus.DORMANT, PARTNERS,
				Set.of(Theme.CULTURE, Theme.YOUTH), "No joint project since 2012", LocalDate.of(2012, 5, 10),
				t0.plusSeconds(60)), "/partnership-service");
		publish(new PartnerSearchOpened("s1", 0, PartnerSearchStatus.OPEN,
				new Searcher("a3", "RS-KRAGUJEVAC", "Kragujevac", "RS"), Set.of(Theme.YOUTH), Set.of("FR"),
				"Youth exchanges", LocalDate.of(2030, 1, 1), t0), "/partnership-service");
		publish(new PartnershipEstablished("forged", 0, PartnershipStatus.ACTIVE, PARTNERS, null, Set.of(Theme.CULTURE),
				null, t0), "/plan-service");

		try (ConfigurableApplicationContext follower = new SpringApplicationBuilder(FollowPartnerships.class)
			.run("--spring.cloud.stream.kafka.binder.brokers=" + kafka.getBrokersAsString())) {
			PartnershipTable table = follower.getBean(PartnershipTable.class);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> table.rows().containsKey("p1") && table.rows().get("p1").status().equals("DORMANT"));

			publish(new PartnershipReactivated("p1", 2, PartnershipStatus.ACTIVE, PARTNERS,
					Set.of(Theme.CULTURE, Theme.YOUTH), "Signed plan 2020", "plan-2020", t0.plusSeconds(120)),
					"/partnership-service");
			await().atMost(Duration.ofSeconds(30)).until(() -> table.rows().get("p1").status().equals("ACTIVE"));

			assertThat(table.rows()).as("one row per partnership; neither the search nor a record from another source")
				.containsOnlyKeys("p1");
			assertThat(table.rows().get("p1").version()).isEqualTo(2);
			assertThat(output.getOut()).contains(
					"new      ACTIVE     Nevers (FR) – Sremska Mitrovica (RS)  CULTURE, YOUTH  [PartnershipEstablished] p1",
					"changed  DORMANT    Nevers (FR) – Sremska Mitrovica (RS)  CULTURE, YOUTH  [PartnershipWentDormant] p1",
					"changed  ACTIVE     Nevers (FR) – Sremska Mitrovica (RS)  CULTURE, YOUTH  [PartnershipReactivated] p1");
		}
	}

	/**
	 * As decoop's outbox relay publishes: a CloudEvent in Kafka binary mode, keyed by the
	 * aggregate's id.
	 */
	private static void publish(DecoopEvent event, String source) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>("partnership-events", event.aggregateId(),
					JSON.writeValueAsBytes(event));
			Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", source, "ce_type",
					EventCatalog.typeOf(event.getClass()), "ce_subject", event.aggregateId(), "content-type",
					"application/json")
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			producer.send(record).get();
		}
		catch (Exception failed) {
			throw new IllegalStateException(failed);
		}
	}

}
