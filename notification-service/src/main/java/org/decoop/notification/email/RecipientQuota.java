package org.decoop.notification.email;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.decoop.platform.domain.Sha256;

/**
 * How many e-mails of one kind an address got lately: a sliding window per (kind,
 * address), one document each ({@code email_quotas}, keyed by a hash of the lower-cased
 * address), changed only on the version it was read at, so that instances sharing the
 * database never hand out more than the limit. A send is counted when it is allowed,
 * whether or not the mail server then takes it.
 */
@Component
public class RecipientQuota {

	static final String COLLECTION = "email_quotas";

	private static final int ROUNDS = 10;

	private final MongoTemplate mongo;

	private final EmailProperties properties;

	RecipientQuota(MongoTemplate mongo, EmailProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	/**
	 * Takes one confirmation e-mail to {@code address}; empty when allowed, else when the
	 * next one will be.
	 */
	public Optional<Instant> takeConfirmation(String address, Instant now) {
		return take("confirmation", address, properties.confirmationsPerAddress(), properties.confirmationWindow(),
				now);
	}

	/**
	 * Takes one notification e-mail to {@code address}; empty when allowed, else when the
	 * next one will be.
	 */
	public Optional<Instant> takeNotification(String address, Instant now) {
		return take("notification", address, properties.perRecipient(), properties.perRecipientWindow(), now);
	}

	Optional<Instant> take(String kind, String address, int max, Duration window, Instant now) {
		String id = kind + ":" + hash(address.strip().toLowerCase(Locale.ROOT));
		for (int round = 0; round < ROUNDS; round++) {
			Document stored = mongo.findById(id, Document.class, COLLECTION);
			List<Instant> recent = new ArrayList<>();
			if (stored != null) {
				for (Date sent : stored.getList("sent", Date.class, List.of())) {
					if (sent.toInstant().isAfter(now.minus(window))) {
						recent.add(sent.toInstant());
					}
				}
			}
			recent.sort(null);
			if (recent.size() >= max) {
				// the window allows one more once enough of the oldest have left it
				return Optional.of(recent.get(recent.size() - max).plus(window));
			}
			recent.add(now);
			List<Date> sent = recent.stream().map(Date::from).toList();
			if (stored == null) {
				try {
					mongo.insert(new Document("_id", id).append("sent", sent).append("version", 0L), COLLECTION);
					return Optional.empty();
				}
				catch (DuplicateKeyException anotherInstanceWasFirst) {
					continue;
				}
			}
			Query unchanged = Query.query(Criteria.where("_id").is(id).and("version").is(stored.get("version")));
			if (mongo.updateFirst(unchanged, new Update().set("sent", sent).inc("version", 1L), COLLECTION)
				.getMatchedCount() > 0) {
				return Optional.empty();
			}
		}
		throw new OptimisticLockingFailureException("The e-mail quota of an address changed too often at once");
	}

	private static String hash(String address) {
		return Sha256.hex(address);
	}

}
