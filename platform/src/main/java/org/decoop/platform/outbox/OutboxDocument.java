package org.decoop.platform.outbox;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.jspecify.annotations.Nullable;
import java.util.Objects;

/**
 * Base of an aggregate's MongoDB document: its id, its optimistic-locking version and the
 * events it caused that are not yet published. Keeping the events in the aggregate's own
 * document makes "change state + record events" one atomic single-document write, without
 * multi-document transactions. Only {@link AggregateStore} writes these documents.
 */
public abstract class OutboxDocument {

	/** Field names the relay and the store use in raw queries. */
	public static final String OUTBOX = "outbox";

	public static final String VERSION = "version";

	/**
	 * Events the broker refused for good (too large, invalid): kept here with the reason,
	 * never sent again.
	 */
	public static final String PARKED = "outboxParked";

	@Id
	private String id;

	/** Absent on a new aggregate until the store inserts it. */
	@Version
	private @Nullable Long version;

	private List<OutboxEvent> outbox = new ArrayList<>();

	// Spring Data sets the fields of a document it reads
	@SuppressWarnings("NullAway.Init")
	protected OutboxDocument() {
	}

	/**
	 * @param version null for a new aggregate: {@link AggregateStore#insert} gives it its
	 * first version
	 */
	protected OutboxDocument(String id, @Nullable Long version) {
		this.id = id;
		this.version = version;
	}

	public String getId() {
		return id;
	}

	/**
	 * The version stored: every document read, inserted or updated by the store has one.
	 */
	public long getVersion() {
		return Objects.requireNonNull(version, "a new aggregate has its version once inserted");
	}

	void setVersion(Long version) {
		this.version = version;
	}

	void setOutbox(List<OutboxEvent> outbox) {
		this.outbox = outbox;
	}

	/** Events still waiting for the relay (read-only view, for tests and diagnostics). */
	public List<OutboxEvent> getOutbox() {
		return List.copyOf(outbox);
	}

}
