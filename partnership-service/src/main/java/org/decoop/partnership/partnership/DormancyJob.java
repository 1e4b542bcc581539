package org.decoop.partnership.partnership;

import java.time.Duration;

import org.decoop.platform.scheduling.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Puts ACTIVE partnerships to dormancy after a time without activity (24 months by default).
 * Every replica may run it: each transition is a write conditional on the version it read, so
 * a second run at the same moment changes nothing (no lock needed).
 */
@Component
@ConditionalOnProperty(name = "decoop.partnership.dormancy.enabled", havingValue = "true", matchIfMissing = true)
class DormancyJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DormancyJob.class);

    private final PartnershipService partnerships;
    private final DormancyProperties properties;
    private final PeriodicWork work;

    DormancyJob(PartnershipService partnerships, DormancyProperties properties) {
        this.partnerships = partnerships;
        this.properties = properties;
        this.work = new PeriodicWork("dormancy-job", properties.initialDelay(), properties.interval(), Duration.ofSeconds(5),
                this::runOnce);
    }

    /** One run; returns how many partnerships went dormant. */
    int runOnce() {
        int changed = partnerships.putInactiveToDormancy(properties.after());
        if (changed > 0) {
            log.info("{} partnership(s) went dormant after {} without activity", changed, properties.after());
        }
        return changed;
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
