package org.decoop.platform.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by the {@code ping} command of the service's own database, which its
 * user may run and which every store the services run on answers (docs/performance.md:
 * the development store does not know Boot's {@code hello}). Registered as
 * {@code mongoHealthContributor}, which replaces Boot's.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	public MongoPingHealthIndicator(MongoTemplate mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = mongo.executeCommand(new Document("ping", 1));
		Object ok = answer.get("ok");
		if (ok instanceof Number number && number.doubleValue() == 1.0) {
			builder.up().withDetail("database", mongo.getDb().getName());
		}
		else {
			builder.down().withDetail("ping", answer.toJson());
		}
	}

}
