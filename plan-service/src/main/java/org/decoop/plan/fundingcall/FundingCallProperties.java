package org.decoop.plan.fundingcall;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Funding calls ({@code decoop.funding-calls.*}).
 *
 * @param closingSoonDays how many days before {@code closesOn} FundingCallClosingSoon is
 * published
 * @param deadlineCheck the job that announces deadlines
 */
@ConfigurationProperties("decoop.funding-calls")
@Validated
record FundingCallProperties(@DefaultValue("14") @Min(0) @Max(3650) int closingSoonDays,
		@DefaultValue DeadlineCheck deadlineCheck) {

	/**
	 * @param enabled whether this instance runs the job (every replica may: announcements
	 * are made once)
	 * @param interval how often it runs
	 * @param initialDelay how long after start-up it first runs
	 */
	record DeadlineCheck(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration interval,
			@DefaultValue("1m") Duration initialDelay) {
	}
}
