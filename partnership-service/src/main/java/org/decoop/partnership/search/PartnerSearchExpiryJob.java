package org.decoop.partnership.search;

import java.time.Duration;

import org.decoop.platform.scheduling.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Closes OPEN partner searches the day after their {@code openUntil}. Every replica may run it:
 * each closure is a write conditional on the version read, so {@code PartnerSearchClosed} is
 * recorded once however many run at the same moment.
 */
@Component
@ConditionalOnProperty(name = "decoop.partner-search.expiry.enabled", havingValue = "true", matchIfMissing = true)
class PartnerSearchExpiryJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PartnerSearchExpiryJob.class);

    private final PartnerSearchService searches;
    private final PeriodicWork work;

    PartnerSearchExpiryJob(PartnerSearchService searches, PartnerSearchExpiryProperties properties) {
        this.searches = searches;
        this.work = new PeriodicWork("partner-search-expiry", properties.initialDelay(), properties.interval(),
                Duration.ofSeconds(5), this::runOnce);
    }

    /** One run; returns how many searches closed. */
    int runOnce() {
        int closed = searches.closeOverSearches();
        if (closed > 0) {
            log.info("{} partner search(es) closed: their openUntil is over", closed);
        }
        return closed;
    }

    @Override
    public void start() {
        work.start();
    }

    @Override
    public void stop() {
        work.stop();
    }

    @Override
    public boolean isRunning() {
        return work.isRunning();
    }
}
