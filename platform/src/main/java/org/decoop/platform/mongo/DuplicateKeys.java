package org.decoop.platform.mongo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Which unique index a write clashed with. The driver exposes a duplicate key as error
 * 11000 with the server's message only ({@code keyPattern}/{@code keyValue} are not
 * passed on), so the index name is read from its fixed place in that message,
 * {@code index: <name> dup key:}: never a search of the whole text, which also holds the
 * clashing values.
 */
public final class DuplicateKeys {

	private static final Pattern INDEX = Pattern.compile("\\bindex: (\\S+) dup key:");

	private DuplicateKeys() {
	}

	/** The name of the unique index {@code duplicate} violated, when its cause says. */
	public static Optional<String> indexOf(DuplicateKeyException duplicate) {
		if (!(duplicate.getCause() instanceof MongoServerException server)
				|| ErrorCategory.fromErrorCode(server.getCode()) != ErrorCategory.DUPLICATE_KEY) {
			return Optional.empty();
		}
		Matcher index = INDEX.matcher(String.valueOf(server.getMessage()));
		return index.find() ? Optional.of(index.group(1)) : Optional.empty();
	}

	/**
	 * Whether {@code duplicate} violated exactly the unique index named {@code index}.
	 */
	public static boolean violates(DuplicateKeyException duplicate, String index) {
		return indexOf(duplicate).filter(index::equals).isPresent();
	}

}
