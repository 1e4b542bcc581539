package org.decoop.platform.domain;

import java.util.Collection;
import java.util.Set;

/**
 * Which versions of an aggregate a command may change: any (the command is tried again on
 * fresh state when it loses a race), or exactly the ones the caller read (then a race is
 * lost for good).
 */
public final class ExpectedVersion {

	private static final ExpectedVersion ANY = new ExpectedVersion(null);

	private final Set<Long> versions;

	private ExpectedVersion(Set<Long> versions) {
		this.versions = versions;
	}

	public static ExpectedVersion any() {
		return ANY;
	}

	/** One of {@code versions}; none at all never matches. */
	public static ExpectedVersion oneOf(Collection<Long> versions) {
		return new ExpectedVersion(Set.copyOf(versions));
	}

	/** Whether the caller pinned versions: a lost race is then final. */
	public boolean pinned() {
		return versions != null;
	}

	/**
	 * @throws StaleVersion unless {@code current} is expected
	 */
	public void check(String kind, AggregateId id, long current) {
		if (pinned() && !versions.contains(current)) {
			throw new StaleVersion(Phrase.of("platform.stale-version", kind, id.value(), current));
		}
	}

	@Override
	public String toString() {
		return pinned() ? "one of " + versions : "any";
	}

}
