package org.decoop.platform.mongo;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The criteria of a search's filters, each optional: a filter that was not given narrows
 * nothing, those given must all match
 * ({@code SearchCriteria.of().is("status", status).is("themes", theme).criteria()}).
 */
public final class SearchCriteria {

	private final Criteria criteria = new Criteria();

	private SearchCriteria() {
	}

	public static SearchCriteria of() {
		return new SearchCriteria();
	}

	/** {@code key} equals {@code value}, when a value is given. */
	public SearchCriteria is(String key, @Nullable Object value) {
		if (value != null) {
			criteria.and(key).is(value);
		}
		return this;
	}

	/** {@code key} equals what {@code value} is stored as, when a value is given. */
	public <T> SearchCriteria is(String key, @Nullable T value, Function<T, ?> stored) {
		return value == null ? this : is(key, stored.apply(value));
	}

	public Criteria criteria() {
		return criteria;
	}

}
