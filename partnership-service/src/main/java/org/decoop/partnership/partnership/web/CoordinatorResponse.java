package org.decoop.partnership.partnership.web;

import org.jspecify.annotations.Nullable;

/** {@code email} only for a caller acting for a partner, or a steward. */
public record CoordinatorResponse(String name, @Nullable String email) {
}
