package org.decoop.platform.security;

/**
 * The role the ops endpoints ask of a caller ({@code decoop.security.ops-role}), as a
 * bean named {@code opsRole} for their own method security:
 * {@code @PreAuthorize("hasRole(@opsRole.name())")}. They check it themselves, so a
 * service with a filter chain of its own cannot expose them.
 */
public record OpsRole(String name) {
}
