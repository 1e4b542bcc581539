package org.decoop.platform.mongo;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * One page of documents matching a criteria; the total is counted only when the page does
 * not tell it, and without a criteria from the collection's metadata
 * ({@code estimatedDocumentCount}: no read of an index or a document).
 */
public final class MongoPages {

	private MongoPages() {
	}

	public static <T> Page<T> find(MongoTemplate mongo, Criteria criteria, Pageable pageable, Class<T> type) {
		return PageableExecutionUtils.getPage(mongo.find(Query.query(criteria).with(pageable), type), pageable,
				() -> criteria.getCriteriaObject().isEmpty() ? mongo.estimatedCount(type)
						: mongo.count(Query.query(criteria), type));
	}

}
