package org.decoop.plan.fundingcall;

import org.decoop.platform.scheduling.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Announces funding call deadlines: FundingCallClosingSoon once,
 * {@code closing-soon-days} before {@code closesOn}, and FundingCallClosed once, the day
 * after. Every replica may run it: each announcement is a write conditional on the
 * version it read, with the event in the same write, so a second run at the same moment,
 * or after a restart, announces nothing twice (no lock needed). The events carry
 * {@code ce_authtype: system}: no caller is signed in on this thread.
 */
@Component
@ConditionalOnProperty(name = "decoop.funding-calls.deadline-check.enabled", havingValue = "true",
		matchIfMissing = true)
class FundingCallDeadlines extends PeriodicJob {

	private static final Logger log = LoggerFactory.getLogger(FundingCallDeadlines.class);

	private final FundingCallService calls;

	private final FundingCallProperties properties;

	FundingCallDeadlines(FundingCallService calls, FundingCallProperties properties) {
		super("funding-call-deadlines", properties.deadlineCheck().initialDelay(),
				properties.deadlineCheck().interval());
		this.calls = calls;
		this.properties = properties;
	}

	/** One run; returns how many deadlines were announced. */
	@Override
	protected int runOnce() {
		int announced = calls.announceDueDeadlines(properties.closingSoonDays());
		if (announced > 0) {
			log.info("{} funding call deadline(s) announced", announced);
		}
		return announced;
	}

}
