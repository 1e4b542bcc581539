package org.decoop.platform.domain;

import java.util.UUID;
import java.util.function.Function;

/**
 * New opaque ids: a random UUID as text, in its typed id
 * ({@code Ids.newId(PlanId::new)}). A typed id is a record of its text that reads as its
 * text; the null contract keeps the text present.
 */
public final class Ids {

	private Ids() {
	}

	public static <I> I newId(Function<String, I> typed) {
		return typed.apply(UUID.randomUUID().toString());
	}

}
