package org.decoop.partnership.partnership.web;

import org.jspecify.annotations.Nullable;

public record PartnerResponse(String id, @Nullable String code, String name, String country) {
}
