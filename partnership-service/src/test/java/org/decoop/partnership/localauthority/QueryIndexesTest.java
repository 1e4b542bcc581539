package org.decoop.partnership.localauthority;

import java.util.List;

import org.decoop.platform.testing.QueryIndexes;
import org.decoop.platform.testing.QueryIndexes.Query;
import org.junit.jupiter.api.Test;

/** Every query of {@link LocalAuthorities}, and the index a MongoDB answers it from. */
class QueryIndexesTest {

	@Test
	void eachLocalAuthorityQueryHasItsIndex() {
		QueryIndexes.assertServed(LocalAuthorityDocument.class,
				Query.of("GET /api/local-authorities (by name)", "by_name", List.of(), "nameKey", "country", "_id"),
				Query.of("GET /api/local-authorities?code=", LocalAuthorityDocument.CODE_INDEX, List.of("code")),
				Query.of("GET /api/local-authorities?country= (by name)", "unique_name_per_country", List.of("country"),
						"nameKey"),
				Query.of("registering: a name taken in the country", "unique_name_per_country",
						List.of("country", "nameKey")),
				Query.of("partner search matches: the authorities of the wanted countries", "unique_name_per_country",
						List.of("country"), "nameKey"));
	}

}
