package org.decoop.partnership.partnership.web;

/** {@code email} only for a caller acting for a partner, or a steward. */
public record CoordinatorResponse(String name, String email) {
}
