package org.decoop.partnership.search;

import org.decoop.platform.scheduling.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Closes OPEN partner searches the day after their {@code openUntil}. Every replica may
 * run it: each closure is a write conditional on the version read, so
 * {@code PartnerSearchClosed} is recorded once however many run at the same moment.
 */
@Component
@ConditionalOnProperty(name = "decoop.partner-search.expiry.enabled", havingValue = "true", matchIfMissing = true)
class PartnerSearchExpiryJob extends PeriodicJob {

	private static final Logger log = LoggerFactory.getLogger(PartnerSearchExpiryJob.class);

	private final PartnerSearchService searches;

	PartnerSearchExpiryJob(PartnerSearchService searches, PartnerSearchExpiryProperties properties) {
		super("partner-search-expiry", properties.initialDelay(), properties.interval());
		this.searches = searches;
	}

	/** One run; returns how many searches closed. */
	@Override
	protected int runOnce() {
		int closed = searches.closeOverSearches();
		if (closed > 0) {
			log.info("{} partner search(es) closed: their openUntil is over", closed);
		}
		return closed;
	}

}
