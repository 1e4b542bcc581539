package org.decoop.plan.fundingcall;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.decoop.events.Country;
import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.decoop.plan.fundingcall.domain.FundingCall;
import org.decoop.plan.fundingcall.domain.FundingCallId;
import org.decoop.plan.fundingcall.domain.FundingCallStatus;
import org.decoop.platform.domain.Actor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** Publishes funding calls, finds them, and announces their deadlines. */
@Service
class FundingCallService {

    /** Calls announced per query of the deadline job; the next query takes the rest. */
    private static final int DEADLINE_BATCH = 500;

    private final FundingCalls calls;
    private final Clock clock;

    FundingCallService(FundingCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    FundingCall publish(String code, String title, FundingSource funder, List<Theme> themes, List<Country> eligibleCountries,
            LocalDate opensOn, LocalDate closesOn, BigDecimal maxGrantEur, BigDecimal maxCoFinancingRate, Actor by) {
        return calls.add(FundingCall.publish(FundingCallId.newId(), code, title, funder, themes, eligibleCountries, opensOn,
                closesOn, maxGrantEur, maxCoFinancingRate, by, clock.instant()));
    }

    FundingCall get(FundingCallId id) {
        return calls.get(id);
    }

    Page<FundingCall> search(FundingCallStatus status, Theme theme, FundingSource funder, String code, int page, int size) {
        return calls.search(status, theme, funder, code, today(), page, size);
    }

    /** The day statuses are derived for (UTC). */
    LocalDate today() {
        return FundingCall.dayOf(clock.instant());
    }

    /** Announces every deadline that is due; returns how many announcements were made. */
    int announceDueDeadlines(int closingSoonDays) {
        int announced = 0;
        List<FundingCall> due;
        do {
            due = calls.deadlineDue(today(), closingSoonDays, DEADLINE_BATCH);
            int before = announced;
            for (FundingCall call : due) {
                // Conditional on the version read: another replica announcing the same deadline at
                // the same moment makes this a no-op, never a second event.
                try {
                    if (call.announceDeadline(closingSoonDays, clock.instant())) {
                        calls.save(call);
                        announced++;
                    }
                }
                catch (OptimisticLockingFailureException announcedMeanwhile) {
                    // someone else changed it: the next pass sees what they did
                }
            }
            if (announced == before) {
                // nothing more this pass can do (the rest were lost races, or wait for another day)
                break;
            }
        } while (due.size() == DEADLINE_BATCH);
        return announced;
    }
}
