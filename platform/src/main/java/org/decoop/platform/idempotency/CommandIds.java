package org.decoop.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;

import org.decoop.platform.domain.Ids;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The ids of what a command creates. Random, unless the command came with an
 * {@code Idempotency-Key}: then derived (name-based UUID) from the caller, the key and
 * the request, the n-th id of the command from the n-th name. A command run again because
 * its instance died between storing what it made and keeping its answer (its claim timed
 * out) makes the same ids, so its insert meets what the first run stored (a duplicate id)
 * instead of storing a second one.
 */
public final class CommandIds {

	/** The request attribute the filter sets on a claimed command: its name. */
	static final String SEED = CommandIds.class.getName() + ".seed";

	private static final String COUNT = CommandIds.class.getName() + ".count";

	private CommandIds() {
	}

	/** A new id for the current command, in its typed id. */
	public static <I> I newId(Function<String, I> typed) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null || !(request.getAttribute(SEED, RequestAttributes.SCOPE_REQUEST) instanceof String seed)) {
			return Ids.newId(typed);
		}
		int count = request.getAttribute(COUNT, RequestAttributes.SCOPE_REQUEST) instanceof Integer made ? made : 0;
		request.setAttribute(COUNT, count + 1, RequestAttributes.SCOPE_REQUEST);
		return typed.apply(UUID.nameUUIDFromBytes((seed + "\n" + count).getBytes(StandardCharsets.UTF_8)).toString());
	}

}
