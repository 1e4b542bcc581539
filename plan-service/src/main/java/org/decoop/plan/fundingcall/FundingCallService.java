package org.decoop.plan.fundingcall;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.decoop.events.Country;
import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.decoop.plan.fundingcall.domain.FundingCall;
import org.decoop.plan.fundingcall.domain.FundingCallId;
import org.decoop.plan.fundingcall.domain.FundingCallStatus;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.idempotency.CommandIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** Publishes funding calls, finds them, and announces their deadlines. */
@Service
class FundingCallService {

	private static final Logger log = LoggerFactory.getLogger(FundingCallService.class);

	/** Calls announced per query of the deadline job; the next query takes the rest. */
	private static final int DEADLINE_BATCH = 500;

	private final FundingCalls calls;

	private final Clock clock;

	FundingCallService(FundingCalls calls, Clock clock) {
		this.calls = calls;
		this.clock = clock;
	}

	FundingCall publish(String code, String title, FundingSource funder, List<Theme> themes,
			List<Country> eligibleCountries, LocalDate opensOn, LocalDate closesOn, BigDecimal maxGrantEur,
			BigDecimal maxCoFinancingRate, Actor by) {
		return calls.add(FundingCall.publish(CommandIds.newId(FundingCallId::new), code, title, funder, themes,
				eligibleCountries, opensOn, closesOn, maxGrantEur, maxCoFinancingRate, by, clock.instant()));
	}

	FundingCall get(FundingCallId id) {
		return calls.get(id);
	}

	Page<FundingCall> search(FundingCallStatus status, Theme theme, FundingSource funder, String code, int page,
			int size) {
		return calls.search(status, theme, funder, code, today(), page, size);
	}

	/** The day statuses are derived for (UTC). */
	LocalDate today() {
		return FundingCall.dayOf(clock.instant());
	}

	/**
	 * Announces every deadline that is due; returns how many announcements were made. A
	 * call that cannot be announced (another replica changed it meanwhile, or it cannot
	 * be read or saved) is skipped for this pass, logged with its id when it failed, and
	 * tried again at the next pass: it never holds up the calls behind it.
	 */
	int announceDueDeadlines(int closingSoonDays) {
		int announced = 0;
		Set<String> skipped = new HashSet<>();
		List<FundingCallDocument> due;
		do {
			due = calls.deadlineDue(today(), closingSoonDays, skipped, DEADLINE_BATCH);
			for (FundingCallDocument document : due) {
				// Conditional on the version read: another replica announcing the same
				// deadline at
				// the same moment makes this a no-op, never a second event.
				try {
					FundingCall call = document.toDomain();
					if (call.announceDeadline(closingSoonDays, clock.instant())) {
						calls.save(call);
						announced++;
					}
					else {
						skipped.add(document.getId()); // nothing to announce today after
														// all
					}
				}
				catch (OptimisticLockingFailureException announcedMeanwhile) {
					// someone else changed it: the next pass sees what they did
					skipped.add(document.getId());
				}
				catch (RuntimeException e) {
					log.error("Funding call {}: its deadline could not be announced; skipped until the next pass",
							document.getId(), e);
					skipped.add(document.getId());
				}
			}
			// an announced call has left the due set and a skipped one is left out: each
			// query reads
			// calls not yet seen in this pass, so the loop ends
		}
		while (due.size() == DEADLINE_BATCH);
		return announced;
	}

}
