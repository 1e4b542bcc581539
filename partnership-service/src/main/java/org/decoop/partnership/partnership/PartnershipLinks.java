package org.decoop.partnership.partnership;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.decoop.events.Country;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Who is partnered with whom, read-only, for other features of this service (partner
 * searches).
 */
@NamedInterface("api")
@Component
public class PartnershipLinks {

	private final MongoTemplate mongo;

	private final Partnerships partnerships;

	PartnershipLinks(MongoTemplate mongo, Partnerships partnerships) {
		this.mongo = mongo;
		this.partnerships = partnerships;
	}

	/**
	 * The ACTIVE and DORMANT partnerships in which any of these authorities is a partner.
	 */
	public List<Partnership> notEndedOf(Collection<LocalAuthorityId> authorities) {
		Query query = Query.query(Criteria.where("partners.id")
			.in(authorities.stream().map(LocalAuthorityId::value).toList())
			.and("status")
			.in(PartnershipStatus.ACTIVE, PartnershipStatus.DORMANT));
		return mongo.find(query, PartnershipDocument.class).stream().map(PartnershipDocument::toDomain).toList();
	}

	/**
	 * ACTIVE and DORMANT partnerships on any of these themes with a partner in any of
	 * these countries, the newest {@code limit}.
	 */
	public List<Partnership> notEndedOn(Collection<Theme> themes, Collection<Country> countries, int limit) {
		Query query = Query
			.query(Criteria.where("themes")
				.in(themes)
				.and("partners.country")
				.in(countries.stream().map(Country::code).toList())
				.and("status")
				.in(PartnershipStatus.ACTIVE, PartnershipStatus.DORMANT))
			// a limit needs an order ending in a unique key, or MongoDB answers a
			// plan-dependent subset
			.with(Sort.by(Sort.Order.desc("establishedAt"), Sort.Order.asc("_id")))
			.limit(limit);
		return mongo.find(query, PartnershipDocument.class).stream().map(PartnershipDocument::toDomain).toList();
	}

	public Optional<Partnership> byId(PartnershipId id) {
		return partnerships.find(id);
	}

}
