package org.decoop.partnership.partnership.domain;

import java.util.Objects;

/** The person who coordinates a partnership, e.g. SKGO's volunteer coordinator. */
public record Coordinator(String name, String email) {

	public Coordinator {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(email, "email");
	}
}
