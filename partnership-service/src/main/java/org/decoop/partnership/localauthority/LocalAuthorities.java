package org.decoop.partnership.localauthority;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.decoop.events.Country;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityAlreadyExists;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.platform.mongo.DuplicateKeys;
import org.decoop.platform.mongo.MongoPages;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.jspecify.annotations.Nullable;

/** The local authorities known to decoop, by id and by (name, country). */
@NamedInterface("api")
@Component
public class LocalAuthorities {

	private final LocalAuthorityRepository repository;

	private final MongoTemplate mongo;

	LocalAuthorities(LocalAuthorityRepository repository, MongoTemplate mongo) {
		this.repository = repository;
		this.mongo = mongo;
	}

	/**
	 * Adds a local authority; one with the same name in the same country is a conflict.
	 */
	public LocalAuthority add(LocalAuthority authority) {
		try {
			repository.insert(LocalAuthorityDocument.of(authority));
			return authority;
		}
		catch (DuplicateKeyException e) {
			throw DuplicateKeys.violates(e, LocalAuthorityDocument.CODE_INDEX)
					? LocalAuthorityAlreadyExists.withCode(authority) : LocalAuthorityAlreadyExists.named(authority);
		}
	}

	public Optional<LocalAuthority> byId(LocalAuthorityId id) {
		return repository.findById(id.value()).map(LocalAuthorityDocument::toDomain);
	}

	/**
	 * The known authorities among {@code ids}, by id; unknown ids are absent from the
	 * map.
	 */
	public Map<LocalAuthorityId, LocalAuthority> byIds(Collection<LocalAuthorityId> ids) {
		List<String> values = ids.stream().map(LocalAuthorityId::value).toList();
		return repository.findAllById(values)
			.stream()
			.map(LocalAuthorityDocument::toDomain)
			.collect(Collectors.toMap(LocalAuthority::id, Function.identity()));
	}

	/** The authorities of these countries, by name, at most {@code limit}. */
	public List<LocalAuthority> inCountries(Collection<Country> countries, int limit) {
		Query query = Query.query(Criteria.where("country").in(countries.stream().map(Country::code).toList()))
			.with(Sort.by("country", "nameKey"))
			.limit(limit);
		return mongo.find(query, LocalAuthorityDocument.class).stream().map(LocalAuthorityDocument::toDomain).toList();
	}

	/**
	 * Authorities of a country, with a code, and/or whose name contains {@code text} (any
	 * case), by name.
	 */
	public Page<LocalAuthority> search(@Nullable Country country, @Nullable String code, @Nullable String text,
			int page, int size) {
		Criteria criteria = new Criteria();
		if (code != null) {
			criteria.and("code").is(code);
		}
		if (country != null) {
			criteria.and("country").is(country.code());
		}
		if (text != null && !text.isBlank()) {
			criteria.and("name").regex(Pattern.quote(text.strip()), "i");
		}
		PageRequest pageable = PageRequest.of(page, size, Sort.by("nameKey", "country", "_id"));
		return MongoPages.find(mongo, criteria, pageable, LocalAuthorityDocument.class)
			.map(LocalAuthorityDocument::toDomain);
	}

}
