package org.decoop.platform.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What every aggregate shares: its version and the events it recorded since it was
 * loaded. The version is counted here and only here: a new aggregate becomes version 0
 * with its first change, and every change after that adds one; events carry the version
 * of their change, and the store writes the aggregate's version conditioned on the one it
 * was loaded at.
 *
 * @param <E> the aggregate's event family
 */
public abstract class AggregateRoot<E> {

	/** The loaded version of an aggregate that was never stored. */
	protected static final long NEW = -1;

	private long loadedVersion;

	private long version;

	private final List<E> events = new ArrayList<>();

	/**
	 * @param loadedVersion the stored version it was restored from, or {@link #NEW}
	 */
	protected AggregateRoot(long loadedVersion) {
		this.loadedVersion = loadedVersion;
		this.version = loadedVersion;
	}

	/** Counts one change of state and answers its version. */
	protected final long change() {
		return ++version;
	}

	/** Records an event of a change, to be stored with the new state. */
	protected final void record(E event) {
		events.add(event);
	}

	/** The stored version this state derives from plus one per change made since. */
	public final long version() {
		return version;
	}

	/**
	 * The version it was loaded at ({@link #NEW} for a new aggregate): what a save is
	 * conditioned on.
	 */
	public final long loadedVersion() {
		return loadedVersion;
	}

	public final boolean isNew() {
		return loadedVersion == NEW;
	}

	/**
	 * Called by the repository once this state is stored: its version becomes the one
	 * loaded, so a further change is saved conditioned on it.
	 */
	public final void stored() {
		loadedVersion = version;
	}

	/** Whether anything changed that needs saving. */
	public final boolean hasChanges() {
		return version != loadedVersion;
	}

	/**
	 * The events it will record later whose size grows with its state (a plan's
	 * PlanSigned carries every activity), as large as they can be, each with the field
	 * that grows it. The write path refuses a change that makes one larger than the
	 * broker takes, while the change can still be refused: recorded, the event could
	 * never be published. None by default.
	 */
	public List<Foreseen<E>> foreseenEvents() {
		return List.of();
	}

	/** The events recorded since the last call, oldest first. */
	public final List<E> pullEvents() {
		List<E> pulled = List.copyOf(events);
		events.clear();
		return pulled;
	}

	/**
	 * An event the aggregate will record later, and the field whose value makes it large.
	 */
	public record Foreseen<E>(E event, Field field) {
	}

}
