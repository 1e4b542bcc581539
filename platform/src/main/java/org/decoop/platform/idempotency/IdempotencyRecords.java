package org.decoop.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;
import org.decoop.platform.StartupWork;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The keys of the commands sent with an {@code Idempotency-Key}, in the service's own
 * MongoDB, so that any instance answers a repeat: one document per caller and key (unique
 * index {@code caller_key}), claimed by an insert before the command runs, then holding
 * its first answer until it expires (TTL index {@code expiry}; MongoDB removes expired
 * documents within a minute, and one still there counts as absent).
 */
public class IdempotencyRecords extends StartupWork {

	static final String COLLECTION = "idempotency_keys";

	private static final String RUNNING = "RUNNING";

	private static final String ANSWERED = "ANSWERED";

	private final MongoTemplate mongo;

	private final IdempotencyProperties properties;

	private final Clock clock;

	/** Seals kept bodies bound to their record's id; none: kept as written. */
	private final @Nullable KeptAnswerSeal seal;

	public IdempotencyRecords(MongoTemplate mongo, IdempotencyProperties properties, Clock clock) {
		this(mongo, properties, clock, null);
	}

	public IdempotencyRecords(MongoTemplate mongo, IdempotencyProperties properties, Clock clock,
			@Nullable KeptAnswerSeal seal) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
		this.seal = seal;
	}

	/** Created at start, before the service takes a request. */
	@Override
	protected void setUp() {
		IndexOperations indexes = mongo.indexOps(COLLECTION);
		indexes.createIndex(new Index().on("caller", Sort.Direction.ASC)
			.on("key", Sort.Direction.ASC)
			.unique()
			.named("caller_key"));
		indexes.createIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expiry"));
	}

	/** What a request is: the same key must always come with the same request. */
	record Fingerprint(String method, String path, String bodySha256) {

		boolean of(Document stored) {
			return method.equals(stored.getString("method")) && path.equals(stored.getString("path"))
					&& bodySha256.equals(stored.getString("bodySha256"));
		}

	}

	/** What a key's record says about a request that comes with it. */
	sealed interface Claim {

	}

	/**
	 * The key is this request's now: run it, then {@link #answered} or {@link #release}.
	 */
	record Claimed(Object id, String token) implements Claim {
	}

	/** The key's first request was answered: this is the answer. */
	record Answered(StoredResponse response) implements Claim {
	}

	/** The key's first request is still running. */
	record Running() implements Claim {
	}

	/** The key came with another request (method, path or body). */
	record Reused() implements Claim {
	}

	/**
	 * Claims {@code key} of {@code caller} for {@code request} with an insert, which the
	 * unique index lets only one request win; a claim whose request never answered (older
	 * than the claim timeout) or an expired record is taken over by a conditional update,
	 * which again only one request wins.
	 */
	Claim claim(String caller, String key, Fingerprint request) {
		// a record removed or taken over between the insert and the read: look again
		for (int attempt = 0; attempt < 3; attempt++) {
			Instant now = clock.instant();
			String token = UUID.randomUUID().toString();
			Document claim = new Document("caller", caller).append("key", key);
			claimed(request, token, now).forEach(claim::append);
			try {
				mongo.insert(claim, COLLECTION);
				return new Claimed(Objects.requireNonNull(claim.get("_id"), "the insert gave it an _id"), token);
			}
			catch (DuplicateKeyException taken) {
				// the key has a record
			}
			Document stored = mongo.findOne(Query.query(Criteria.where("caller").is(caller).and("key").is(key)),
					Document.class, COLLECTION);
			if (stored == null) {
				continue;
			}
			boolean expired = !instant(stored, "expiresAt").isAfter(now);
			boolean abandoned = RUNNING.equals(stored.getString("state"))
					&& !instant(stored, "claimedAt").plus(properties.claimTimeout()).isAfter(now);
			if (expired || (abandoned && request.of(stored))) {
				Claimed taken = takeOver(stored, request, now);
				if (taken != null) {
					return taken;
				}
				continue;
			}
			if (!request.of(stored)) {
				return new Reused();
			}
			if (ANSWERED.equals(stored.getString("state"))) {
				return new Answered(response(Objects.requireNonNull(stored.get("response", Document.class)),
						String.valueOf(stored.get("_id"))));
			}
			return new Running();
		}
		return new Running();
	}

	private @Nullable Claimed takeOver(Document stored, Fingerprint request, Instant now) {
		String token = UUID.randomUUID().toString();
		Update update = new Update().unset("response");
		claimed(request, token, now).forEach(update::set);
		boolean won = mongo
			.updateFirst(Query.query(Criteria.where("_id").is(stored.get("_id")).and("token").is(stored.get("token"))),
					update, COLLECTION)
			.getModifiedCount() == 1;
		return won ? new Claimed(Objects.requireNonNull(stored.get("_id"), "a stored document has an _id"), token)
				: null;
	}

	private Map<String, Object> claimed(Fingerprint request, String token, Instant now) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("method", request.method());
		fields.put("path", request.path());
		fields.put("bodySha256", request.bodySha256());
		fields.put("state", RUNNING);
		fields.put("token", token);
		fields.put("claimedAt", Date.from(now));
		fields.put("expiresAt", Date.from(now.plus(properties.retention())));
		return fields;
	}

	/**
	 * Keeps the first answer for the retention from now. A claim taken over meanwhile
	 * (this request ran longer than the claim timeout) keeps the other's.
	 */
	void answered(Claimed claim, StoredResponse response) {
		Instant now = clock.instant();
		Document kept = new Document("status", response.status())
			.append("headers", new Document(new LinkedHashMap<String, Object>(response.headers())))
			.append("body",
					new Binary(seal == null ? response.body() : seal.seal(response.body(), String.valueOf(claim.id()))))
			.append("sealed", seal != null);
		mongo.updateFirst(ofClaim(claim),
				new Update().set("state", ANSWERED)
					.set("response", kept)
					.set("answeredAt", Date.from(now))
					.set("expiresAt", Date.from(now.plus(properties.retention()))),
				COLLECTION);
	}

	/** Frees the key: the request failed, and the client may send it again. */
	void release(Claimed claim) {
		mongo.remove(ofClaim(claim), COLLECTION);
	}

	private static Query ofClaim(Claimed claim) {
		return Query.query(Criteria.where("_id").is(claim.id()).and("token").is(claim.token()));
	}

	private static Instant instant(Document stored, String field) {
		return stored.get(field, Date.class).toInstant();
	}

	@SuppressWarnings("unchecked")
	private StoredResponse response(Document kept, String recordId) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		kept.get("headers", Document.class).forEach((name, values) -> headers.put(name, (List<String>) values));
		byte[] body = kept.get("body", Binary.class).getData();
		if (Boolean.TRUE.equals(kept.getBoolean("sealed"))) {
			if (seal == null) {
				throw new IllegalStateException("A kept answer is sealed and this service has no KeptAnswerSeal");
			}
			body = seal.open(body, recordId);
		}
		return new StoredResponse(kept.getInteger("status"), headers, body);
	}

}
