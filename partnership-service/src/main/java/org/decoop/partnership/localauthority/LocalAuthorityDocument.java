package org.decoop.partnership.localauthority;

import org.decoop.events.Country;
import org.decoop.events.LocalAuthorityKind;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.jspecify.annotations.Nullable;

/**
 * How a local authority is stored. The unique index makes (name, country) one identity.
 */
@Document("local_authorities")
@CompoundIndexes({
		@CompoundIndex(name = "unique_name_per_country", def = "{'country': 1, 'nameKey': 1}", unique = true),
		@CompoundIndex(name = "by_name", def = "{'nameKey': 1, 'country': 1, '_id': 1}") })
// Spring Data sets the fields of a document it reads; of() sets them for one it writes
@SuppressWarnings("NullAway.Init")
class LocalAuthorityDocument {

	static final String CODE_INDEX = "unique_code";

	@Id
	String id;

	/** Sparse: authorities stored before codes existed have none. */
	@Indexed(name = CODE_INDEX, unique = true, sparse = true)
	@Nullable String code;

	String name;

	String nameKey;

	String country;

	LocalAuthorityKind kind;

	@Nullable Integer population;

	static LocalAuthorityDocument of(LocalAuthority authority) {
		LocalAuthorityDocument document = new LocalAuthorityDocument();
		document.id = authority.id().value();
		document.code = authority.code();
		document.name = authority.name();
		document.nameKey = authority.nameKey();
		document.country = authority.country().code();
		document.kind = authority.kind();
		document.population = authority.population();
		return document;
	}

	LocalAuthority toDomain() {
		return new LocalAuthority(new LocalAuthorityId(id), code, name, Country.of(country), kind, population);
	}

}
