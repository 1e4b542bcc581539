package org.decoop.platform.readmodel;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How the latest rebuild of a read model went, as an operator reads it.
 *
 * @param state {@code NONE} (never rebuilt), {@code RUNNING}, {@code FINISHED},
 * {@code FAILED}, {@code INTERRUPTED} (its instance stopped), {@code ABANDONED} (its
 * instance stopped reporting: the lease ran out, another rebuild may start)
 * @param collection the collection that serves the read model now
 * @param target the fresh collection the rebuild fills
 * @param eventsRead records read from the topic, from its beginning
 * @param eventsSkipped records that could not be read as an event (the live consumer
 * parked them too)
 * @param lag records still on the topic past the rebuild's position (as of its latest
 * report)
 * @param switchedAt when the read model was switched to {@code target} (it then read to
 * the end once more)
 */
public record RebuildProgress(String readModel, String state, String collection, @Nullable String target,
		long eventsRead, long eventsSkipped, @Nullable Long lag, @Nullable Instant startedAt,
		@Nullable Instant switchedAt, @Nullable Instant finishedAt, @Nullable String startedBy,
		@Nullable String failure) {
}
