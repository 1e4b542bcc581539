package org.decoop.partnership.partnership.web;

public record PartnerResponse(String id, String code, String name, String country) {
}
