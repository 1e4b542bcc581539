package org.decoop.plan.plan.domain;

import java.util.Objects;
import java.util.regex.Pattern;

import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.InvalidValue;

/**
 * A signing party of a plan, known by its code: an organization's ({@code AMBAFRANCE-RS},
 * {@code SKGO}) or a local authority's ({@code RS-SREMSKA-MITROVICA}, up to 51
 * characters), as tokens name it in {@code acts_for}.
 */
public record Party(String code, String name) {

	static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,50}");

	public Party {
		Objects.requireNonNull(code, "code");
		if (!CODE.matcher(code).matches()) {
			throw new InvalidValue("code", Phrase.of("plan.party.code"));
		}
		if (name == null || name.isBlank()) {
			throw new InvalidValue("name", Phrase.of("plan.party.name"));
		}
	}
}
