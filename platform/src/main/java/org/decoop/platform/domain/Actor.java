package org.decoop.platform.domain;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Who asks for a change: a signed-in user or service account (from its token), or the
 * system itself (the choreography, a scheduled job). The domain decides with it who may
 * do what, and records it in histories, signatures and events. Plain Java: the web layer
 * builds it from the token.
 *
 * @param id the token's subject ({@code sub}), or the service's name for the system
 * @param name what a person reads in a history or a signature
 * @param actsFor the codes of the local authorities and organizations the caller acts for
 * @param steward whether the caller may act for any partnership and create local
 * authorities
 */
public record Actor(Kind kind, String id, String name, Set<String> actsFor, boolean steward) {

	/** CloudEvents Auth Context's {@code authtype}. */
	public enum Kind {

		USER("user"), SERVICE_ACCOUNT("service_account"), SYSTEM("system");

		private final String authType;

		Kind(String authType) {
			this.authType = authType;
		}

		public String authType() {
			return authType;
		}

	}

	public Actor {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(id, "id");
		name = name == null || name.isBlank() ? id : name;
		actsFor = Set.copyOf(actsFor);
	}

	/**
	 * The service itself, acting on events or on a schedule: every rule of the domain
	 * holds, no permission is asked.
	 */
	public static Actor system(String service) {
		return new Actor(Kind.SYSTEM, service, service, Set.of(), false);
	}

	public boolean isSystem() {
		return kind == Kind.SYSTEM;
	}

	/** Acts for the organization or local authority with this code. */
	public boolean actsFor(String code) {
		return code != null && actsFor.contains(code);
	}

	/**
	 * Acts for at least one of these codes; codes that name nothing known are simply
	 * never among them.
	 */
	public boolean actsForAny(Collection<String> codes) {
		return codes.stream().anyMatch(this::actsFor);
	}

	/**
	 * Stewards and the system may act for every partner; others for the ones they act
	 * for.
	 */
	public boolean mayActForAny(Collection<String> codes) {
		return isSystem() || steward || actsForAny(codes);
	}
}
