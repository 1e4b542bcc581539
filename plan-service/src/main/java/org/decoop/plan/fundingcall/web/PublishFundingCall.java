package org.decoop.plan.fundingcall.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.decoop.plan.fundingcall.domain.FundingCall;
import org.decoop.platform.web.CountryCode;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

@Schema(example = """
		{"code": "MEAE-FR-RS-2020", "title": "Appel à projets franco-serbe de coopération décentralisée",
		 "funder": "FRENCH_MFA", "themes": ["YOUTH", "ENVIRONMENT"], "eligibleCountries": ["FR", "RS"],
		 "opensOn": "2020-01-15", "closesOn": "2030-12-31", "maxGrantEur": 20000, "maxCoFinancingRate": 0.7}""")
public record PublishFundingCall(
		@NotBlank @Pattern(regexp = FundingCall.CODE_PATTERN,
				message = "2 to 64 upper-case letters, digits or '-', starting with a letter or digit") String code,
		@NotBlank @Size(max = FundingCall.MAX_TITLE_LENGTH) String title, @NotNull FundingSource funder,
		@NotNull @Size(min = 1, max = 50) List<@NotNull Theme> themes,
		@NotNull @Size(min = 1, max = 300) List<@NotNull @CountryCode String> eligibleCountries,
		@NotNull LocalDate opensOn, @NotNull LocalDate closesOn,
		@NotNull @PositiveOrZero @Digits(integer = FundingCall.MAX_GRANT_DIGITS, fraction = 2) BigDecimal maxGrantEur,
		@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1,
				fraction = FundingCall.MAX_RATE_DECIMALS) BigDecimal maxCoFinancingRate) {
}
