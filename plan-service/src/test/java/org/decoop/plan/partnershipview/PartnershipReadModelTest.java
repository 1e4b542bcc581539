package org.decoop.plan.partnershipview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEnded;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.partnership.PartnershipReactivated;
import org.decoop.events.partnership.PartnershipWentDormant;
import org.decoop.platform.mongo.StartupIndexes;
import org.decoop.platform.mongo.VersionIndex;
import org.decoop.platform.readmodel.ReadModelPointers;
import org.decoop.platform.readmodel.VersionedReadModels;
import org.decoop.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The read model keeps the newest state whatever the order and number of deliveries. */
class PartnershipReadModelTest {

	private static final List<PartnershipEvent.Partner> PARTNERS = List.of(
			new PartnershipEvent.Partner("nevers", "Nevers", "FR"),
			new PartnershipEvent.Partner("sm", "Sremska Mitrovica", "RS"));

	private static final Instant T = Instant.parse("2020-02-27T10:00:00Z");

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private final PartnershipReadModel readModel = readModel(MONGO.freshDatabase());

	private static PartnershipReadModel readModel(MongoTemplate mongo) {
		return new PartnershipReadModel(new VersionedReadModels(mongo), new ReadModelPointers(mongo, Duration.ZERO));
	}

	@Test
	void buildsNoIndexWhenMadeTheStartupIndexesDoOnlyWhereTheStoreAsksForIt() {
		MongoTemplate mongo = MONGO.freshDatabase();
		VersionedReadModels readModels = new VersionedReadModels(mongo);
		new PartnershipReadModel(readModels, new ReadModelPointers(mongo, Duration.ZERO));

		assertThat(indexNames(mongo)).as("none while the beans are made").doesNotContain(VersionIndex.NAME);

		new StartupIndexes(mongo, true, readModels).start();
		assertThat(indexNames(mongo)).as("asked for").contains(VersionIndex.NAME);

		new StartupIndexes(mongo, false, readModels).start();
		assertThat(indexNames(mongo)).as("MongoDB answers {_id, version} from _id: dropped")
			.doesNotContain(VersionIndex.NAME);
	}

	private static List<String> indexNames(MongoTemplate mongo) {
		return mongo.getCollection(PartnershipReadModel.COLLECTION)
			.listIndexes()
			.map(index -> index.getString("name"))
			.into(new java.util.ArrayList<>());
	}

	@Test
	void appliesEventsInOrder() {
		readModel.apply(established("p1"));
		readModel.apply(dormant("p1", 1));
		readModel.apply(reactivated("p1", 2));

		assertThat(readModel.byIds(List.of("p1"))).containsEntry("p1",
				new PartnershipView("p1", PartnershipStatus.ACTIVE, 2));
	}

	@Test
	void ignoresDuplicates() {
		readModel.apply(established("p2"));
		readModel.apply(dormant("p2", 1));
		readModel.apply(dormant("p2", 1));
		readModel.apply(established("p2"));

		assertThat(readModel.byIds(List.of("p2")).get("p2"))
			.isEqualTo(new PartnershipView("p2", PartnershipStatus.DORMANT, 1));
	}

	@Test
	void keepsTheNewestStateWhenEventsArriveOutOfOrder() {
		readModel.apply(ended("p3", 3));
		readModel.apply(reactivated("p3", 2));
		readModel.apply(established("p3"));
		readModel.apply(dormant("p3", 1));

		assertThat(readModel.byIds(List.of("p3")).get("p3"))
			.isEqualTo(new PartnershipView("p3", PartnershipStatus.ENDED, 3));
	}

	@Test
	void knowsWhoActsForThePartnersWhenTheEventsSay() {
		readModel.apply(new PartnershipEstablished("p5", 0, PartnershipStatus.ACTIVE,
				List.of(new PartnershipEvent.Partner("nevers", "Nevers", "FR", "FR-NEVERS"),
						new PartnershipEvent.Partner("sm", "Sremska Mitrovica", "RS", "RS-SREMSKA-MITROVICA")),
				2005, Set.of(Theme.CULTURE), null, T));
		readModel.apply(established("p6"));

		assertThat(readModel.byIds(List.of("p5")).get("p5").partnerCodes()).containsExactlyInAnyOrder("FR-NEVERS",
				"RS-SREMSKA-MITROVICA");
		assertThat(readModel.byIds(List.of("p6")).get("p6").partnerCodes()).as("partners recorded before codes")
			.isEmpty();
	}

	@Test
	void knowsOnlyWhatItWasTold() {
		readModel.apply(established("p4"));

		assertThat(readModel.byIds(List.of("p4", "unknown"))).containsOnlyKeys("p4");
	}

	private static PartnershipEstablished established(String id) {
		return new PartnershipEstablished(id, 0, PartnershipStatus.ACTIVE, PARTNERS, 2005, Set.of(Theme.CULTURE), null,
				T);
	}

	private static PartnershipWentDormant dormant(String id, long version) {
		return new PartnershipWentDormant(id, version, PartnershipStatus.DORMANT, PARTNERS, Set.of(Theme.CULTURE),
				"Quiet", null, T);
	}

	private static PartnershipReactivated reactivated(String id, long version) {
		return new PartnershipReactivated(id, version, PartnershipStatus.ACTIVE, PARTNERS, Set.of(Theme.CULTURE),
				"Plan", "plan-1", T);
	}

	private static PartnershipEnded ended(String id, long version) {
		return new PartnershipEnded(id, version, PartnershipStatus.ENDED, PARTNERS, Set.of(Theme.CULTURE), "Over", T);
	}

}
