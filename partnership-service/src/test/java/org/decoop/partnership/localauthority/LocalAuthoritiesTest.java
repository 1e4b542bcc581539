package org.decoop.partnership.localauthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.Document;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

/**
 * The local authorities as stored: a second authority of the same name and country, or of
 * the same code, is refused naming the field that clashed; a Serbian authority registered
 * in Cyrillic is found by a query in either script, with or without diacritics; so is one
 * stored before search keys existed, once backfilled.
 */
class LocalAuthoritiesTest {

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private final MongoTemplate mongo = MONGO.freshDatabase();

	private final LocalAuthorities authorities = authorities(mongo);

	// the duplicate key's value is in the error message: a name must not pass for the
	// index that clashed (unique_code)
	@ParameterizedTest(name = "{0} {1}, then {2} {3}: the {4} is taken")
	@CsvSource({ "FR-NEVERS, Nevers, FR-NEVERS, Nevers Agglomération, code",
			"FR-NEVERS, Nevers, FR-NEVERS-2, Nevers, name", "FR-ONE, unique_code, FR-TWO, unique_code, name" })
	void namesTheFieldThatClashedWhenTheCodeOrTheNameInTheCountryIsTaken(String firstCode, String firstName,
			String secondCode, String secondName, String field) {
		authorities.add(authority(firstCode, firstName, "FR"));

		assertThatThrownBy(() -> authorities.add(authority(secondCode, secondName, "FR")))
			.isInstanceOf(LocalAuthorityAlreadyExists.class)
			.extracting(e -> ((DomainException) e).field().orElseThrow().name())
			.isEqualTo(field);
	}

	@Test
	void aQueryInEitherScriptFindsTheAuthority() {
		authorities.add(authority("RS-SREMSKA-MITROVICA", "Сремска Митровица", "RS"));
		authorities.add(authority("RS-CACAK", "Чачак", "RS"));
		authorities.add(authority("FR-NEVERS", "Nevers", "FR"));

		for (String query : List.of("Митровица", "mitrovica", "Sremska Mitrovica", "СРЕМСКА")) {
			assertThat(names(query)).as(query).containsExactly("Сремска Митровица");
		}
		for (String query : List.of("Čačak", "cacak", "Чачак", "ЧАЧ")) {
			assertThat(names(query)).as(query).containsExactly("Чачак");
		}
		assertThat(names("Невер")).as("a French name found by its Cyrillic spelling").containsExactly("Nevers");
	}

	@Test
	void anAuthorityStoredBeforeSearchKeysIsFoundOnceBackfilled() {
		mongo.getCollection("local_authorities")
			.insertOne(new Document("_id", "la-old").append("code", "RS-NIS")
				.append("name", "Ниш")
				.append("nameKey", "ниш")
				.append("country", "RS")
				.append("kind", "CITY"));

		new SearchKeyBackfill(mongo).backfill();

		assertThat(names("nis")).containsExactly("Ниш");
		assertThat(names("Ниш")).containsExactly("Ниш");
	}

	private List<String> names(String query) {
		return authorities.search(null, null, query, 0, 20).map(LocalAuthority::name).getContent();
	}

	private static LocalAuthority authority(String code, String name, String country) {
		return new LocalAuthority(Ids.newId(LocalAuthorityId::new), code, name, Country.of(country),
				LocalAuthorityKind.CITY, null);
	}

	private static LocalAuthorities authorities(MongoTemplate mongo) {
		new StartupIndexes(mongo, false).create(LocalAuthorityDocument.class);
		return new LocalAuthorities(new MongoRepositoryFactory(mongo).getRepository(LocalAuthorityRepository.class),
				mongo);
	}

}
