package org.decoop.events;

import java.time.Instant;

/**
 * Every event of the catalog. One sealed family per aggregate (a topic may carry two:
 * partner searches beside partnerships, funding calls beside plans; sealing across
 * packages would need a named module, so this root stays open); the CloudEvent type of a
 * record is {@code org.decoop.} followed by its simple name (see {@link EventCatalog}).
 */
public interface DecoopEvent {

	/**
	 * The id of the aggregate the event is about: the Kafka key and the CloudEvent
	 * subject.
	 */
	String aggregateId();

	Instant occurredAt();

}
