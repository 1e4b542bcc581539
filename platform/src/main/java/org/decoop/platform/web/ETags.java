package org.decoop.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.decoop.platform.domain.ExpectedVersion;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.Phrase;

/**
 * The HTTP face of optimistic locking: an aggregate's version as a strong ETag, and
 * {@code If-Match} read as the versions a command expects, so that services never see
 * HTTP strings.
 */
public final class ETags {

	/** One element of the list (RFC 9110 entity-tag), then a comma or the end. */
	private static final Pattern ENTITY_TAG = Pattern
		.compile("\\G[ \\t]*(W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"[ \\t]*(?:,|$)");

	private static final Pattern EMPTY_ELEMENT = Pattern.compile("\\G[ \\t]*,");

	private static final Pattern OUR_TAG = Pattern.compile("0|[1-9]\\d{0,17}");

	private ETags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * What {@code If-Match} asks for: absent or {@code *}, any version; else one of the
	 * versions its strong tags name. A tag this API never issued, or a weak one (If-Match
	 * compares strongly), names no version, so a list of only such tags matches nothing
	 * (412, RFC 9110 13.1.1).
	 * @throws InvalidValue when the header is not a list of entity tags
	 */
	public static ExpectedVersion expectedVersion(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return ExpectedVersion.any();
		}
		List<Long> versions = new ArrayList<>();
		Matcher tag = ENTITY_TAG.matcher(ifMatch);
		Matcher empty = EMPTY_ELEMENT.matcher(ifMatch);
		int position = 0;
		boolean sawTag = false;
		while (position < ifMatch.length()) {
			if (empty.find(position)) {
				position = empty.end();
			}
			else if (tag.find(position)) {
				sawTag = true;
				if (tag.group(1) == null && OUR_TAG.matcher(tag.group(2)).matches()) {
					versions.add(Long.parseLong(tag.group(2)));
				}
				position = tag.end();
			}
			else if (ifMatch.substring(position).isBlank()) {
				break;
			}
			else {
				throw malformed();
			}
		}
		if (!sawTag) {
			throw malformed();
		}
		return ExpectedVersion.oneOf(versions);
	}

	private static InvalidValue malformed() {
		return new InvalidValue("If-Match", Phrase.of("platform.if-match"));
	}

}
