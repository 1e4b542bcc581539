package org.decoop.partnership.localauthority;

import org.decoop.platform.i18n.Transliteration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Gives the authorities stored before search keys existed theirs, once at start, so that
 * a query in either script finds them too. A few hundred documents at most; every
 * instance may do it, the key is the same.
 */
@Component
class SearchKeyBackfill {

	private final MongoTemplate mongo;

	SearchKeyBackfill(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void backfill() {
		Query missing = Query.query(Criteria.where("searchKey").exists(false));
		missing.fields().include("name");
		for (LocalAuthorityDocument document : mongo.find(missing, LocalAuthorityDocument.class)) {
			mongo.updateFirst(Query.query(Criteria.where("_id").is(document.id)),
					Update.update("searchKey", Transliteration.searchKey(document.name)), LocalAuthorityDocument.class);
		}
	}

}
