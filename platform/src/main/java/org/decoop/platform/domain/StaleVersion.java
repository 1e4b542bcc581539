package org.decoop.platform.domain;

/**
 * The caller asked to change exactly a version it read, and the aggregate has moved on
 * since.
 */
public final class StaleVersion extends DomainException {

	public StaleVersion(String message) {
		super(message);
	}

}
