package org.decoop.platform.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which part of an aggregate's input a domain error is about: a name, an optional
 * position in a list, and the field it sits in ({@code partnershipIds} #0 of
 * {@code activities} #2). The web layer renders it as the request's field path.
 */
public record Field(@Nullable Field parent, String name, @Nullable Integer index) {

	public Field {
		Objects.requireNonNull(name, "name");
	}

	public static Field named(String name) {
		return new Field(null, name, null);
	}

	/** The element at {@code position} of this list field. */
	public Field at(int position) {
		return new Field(parent, name, position);
	}

	/** A field inside this one. */
	public Field field(String child) {
		return new Field(this, child, null);
	}

	/**
	 * This field, seen from inside {@code outer} ({@code title} within {@code activities}
	 * #0).
	 */
	public Field within(Field outer) {
		return new Field(parent == null ? outer : parent.within(outer), name, index);
	}

	/** {@code activities[2].partnershipIds[0]}. */
	@Override
	public String toString() {
		String own = index == null ? name : name + "[" + index + "]";
		return parent == null ? own : parent + "." + own;
	}
}
