package org.decoop.partnership.partnership;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    DormancyJob(PartnershipService partnerships, DormancyProperties properties, Clock clock) {
        this.partnerships = partnerships;
        this.properties = properties;
        this.clock = clock;
    }

    /** One run; returns how many partnerships went dormant. */
    int runOnce() {
        LocalDate cutoff = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minus(properties.after());
        int changed = partnerships.putInactiveToDormancy(cutoff,
                "No activity since %s: dormant after " + describe(properties.after()) + " without activity");
        if (changed > 0) {
            log.info("{} partnership(s) went dormant after {} without activity", changed, properties.after());
        }
        return changed;
    }

    private static String describe(Period period) {
        return period.getDays() == 0 ? period.toTotalMonths() + " months" : period.toString();
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "dormancy-job"));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            }
            catch (RuntimeException e) {
                log.warn("Dormancy run failed; it will run again: {}", e.toString());
            }
        }, properties.initialDelay().toMillis(), properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
