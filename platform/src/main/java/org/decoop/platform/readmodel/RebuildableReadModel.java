package org.decoop.platform.readmodel;

import org.decoop.platform.messaging.IncomingEvent;

/**
 * A read model an operator may rebuild ({@code POST
 * /api/ops/read-models/{name}/rebuild}): its name (the collection it lives in before any
 * rebuild), the topic it is kept from, and how one event of that topic is applied to a
 * given collection: the same decoding ({@link IncomingEvent#as}) and the same versioned
 * writes as the live consumer, aimed at the rebuild's fresh collection.
 */
public record RebuildableReadModel(String name, String topic, Replay replay) {

	/**
	 * Applies one record of the topic to {@code into}; skips the event types the read
	 * model does not keep.
	 */
	@FunctionalInterface
	public interface Replay {

		void apply(IncomingEvent event, VersionedReadModel into);

	}
}
