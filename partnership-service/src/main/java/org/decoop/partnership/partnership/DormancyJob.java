package org.decoop.partnership.partnership;

import org.decoop.platform.scheduling.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Puts ACTIVE partnerships to dormancy after a time without activity (24 months by
 * default). Every replica may run it: each transition is a write conditional on the
 * version it read, so a second run at the same moment changes nothing (no lock needed).
 */
@Component
@ConditionalOnProperty(name = "decoop.partnership.dormancy.enabled", havingValue = "true", matchIfMissing = true)
class DormancyJob extends PeriodicJob {

	private static final Logger log = LoggerFactory.getLogger(DormancyJob.class);

	private final PartnershipService partnerships;

	private final DormancyProperties properties;

	DormancyJob(PartnershipService partnerships, DormancyProperties properties) {
		super("dormancy-job", properties.initialDelay(), properties.interval());
		this.partnerships = partnerships;
		this.properties = properties;
	}

	/** One run; returns how many partnerships went dormant. */
	@Override
	protected int runOnce() {
		int changed = partnerships.putInactiveToDormancy(properties.after());
		if (changed > 0) {
			log.info("{} partnership(s) went dormant after {} without activity", changed, properties.after());
		}
		return changed;
	}

}
