package org.decoop.plan.plan.web;

import java.util.function.Supplier;

import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.InvalidValue;

/**
 * Domain values built from a request, their validation errors naming the request field
 * they come from.
 */
public final class RequestFields {

	private RequestFields() {
	}

	/**
	 * Builds a domain value, naming the request field it comes from in its validation
	 * errors.
	 */
	public static <T> T nested(Field place, Supplier<T> build) {
		try {
			return build.get();
		}
		catch (InvalidValue e) {
			throw e.within(place);
		}
	}

}
