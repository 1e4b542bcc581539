package org.decoop.partnership.localauthority;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.decoop.events.Country;
import org.decoop.events.LocalAuthorityKind;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityAlreadyExists;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.platform.domain.DomainException;
import org.decoop.platform.domain.Ids;
import org.decoop.platform.mongo.StartupIndexes;
import org.decoop.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

/**
 * A second authority of the same name and country, or of the same code, is refused naming
 * the field that clashed.
 */
class LocalAuthoritiesTest {

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private final MongoTemplate mongo = MONGO.freshDatabase();

	private final LocalAuthorities authorities = authorities(mongo);

	@Test
	void namesTheCodeWhenTheCodeIsTaken() {
		authorities.add(authority("FR-NEVERS", "Nevers"));

		assertThatThrownBy(() -> authorities.add(authority("FR-NEVERS", "Nevers Agglomération")))
			.isInstanceOf(LocalAuthorityAlreadyExists.class)
			.extracting(e -> ((DomainException) e).field().orElseThrow().name())
			.isEqualTo("code");
	}

	@Test
	void namesTheNameWhenTheNameIsTakenInTheCountry() {
		authorities.add(authority("FR-NEVERS", "Nevers"));

		assertThatThrownBy(() -> authorities.add(authority("FR-NEVERS-2", "Nevers")))
			.isInstanceOf(LocalAuthorityAlreadyExists.class)
			.extracting(e -> ((DomainException) e).field().orElseThrow().name())
			.isEqualTo("name");
	}

	@Test
	void namesTheNameEvenWhenTheNameReadsLikeTheCodeIndex() {
		// the duplicate key's value is in the error message: a name must not pass for the
		// index that clashed
		authorities.add(authority("FR-ONE", "unique_code"));

		assertThatThrownBy(() -> authorities.add(authority("FR-TWO", "unique_code")))
			.isInstanceOf(LocalAuthorityAlreadyExists.class)
			.extracting(e -> ((DomainException) e).field().orElseThrow().name())
			.isEqualTo("name");
	}

	private static LocalAuthority authority(String code, String name) {
		return new LocalAuthority(Ids.newId(LocalAuthorityId::new), code, name, Country.of("FR"),
				LocalAuthorityKind.CITY, null);
	}

	private static LocalAuthorities authorities(MongoTemplate mongo) {
		new StartupIndexes(mongo, false).create(LocalAuthorityDocument.class);
		return new LocalAuthorities(new MongoRepositoryFactory(mongo).getRepository(LocalAuthorityRepository.class),
				mongo);
	}

}
