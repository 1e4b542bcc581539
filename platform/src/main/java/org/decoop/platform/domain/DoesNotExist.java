package org.decoop.platform.domain;

/**
 * The command or question is about an aggregate (or a part of one) that does not exist.
 */
public non-sealed class DoesNotExist extends DomainException {

	public DoesNotExist(String kind, Object id) {
		super("%s %s does not exist".formatted(kind, id));
	}

}
