package org.decoop.plan;

import static org.decoop.platform.testing.ServiceQueries.call;
import static org.decoop.platform.testing.ServiceQueries.noQuery;
import static org.decoop.platform.testing.ServiceQueries.readsAll;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.decoop.events.FundingSource;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.PlanStatus;
import org.decoop.events.Theme;
import org.decoop.events.partnership.PartnershipEstablished;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.plan.fundingcall.domain.FundingCallStatus;
import org.decoop.plan.plan.domain.PlanId;
import org.decoop.platform.testing.ServiceQueries;
import org.decoop.platform.testing.ServiceQueries.Listed;

/**
 * Every query plan-service sends to MongoDB, in one place: each repository method (once
 * per filter it can be called with) and the platform's queries on its collections. A new
 * repository method fails {@link QueryListTest} until it is listed here;
 * {@link QueryPlansIntegrationTest} asks a real MongoDB for the plan of each.
 */
final class PlanQueries {

	private static final LocalDate TODAY = LocalDate.parse("2026-03-05");

	private static final String EVERY_PLAN = "the statistics of every year count every plan";

	static final List<Listed> ALL = all();

	private PlanQueries() {
	}

	private static List<Listed> all() {
		List<Listed> queries = new ArrayList<>(List.of(
				call("Plans#search", "GET /api/plans (newest year first)", null, null, null, null, 0, 20),
				call("Plans#search", "GET /api/plans?year=", 2026, null, null, null, 0, 20),
				call("Plans#search", "GET /api/plans?status=", null, PlanStatus.SIGNED, null, null, 0, 20),
				call("Plans#search", "GET /api/plans?theme=", null, null, Theme.CULTURE, null, 0, 20),
				call("Plans#search", "GET /api/plans?partnershipId=", null, null, null, "p-query-plans", 0, 20),
				call("Plans#all", "GET /api/plans.csv?status=", null, PlanStatus.SIGNED, null, null),
				call("Plans#all", "GET /api/plans.csv (every plan)", null, null, null, null),
				call("Plans#statistics", "GET /api/plans/statistics?year=", 2026),
				readsAll("Plans#statistics", "GET /api/plans/statistics (every year)", EVERY_PLAN, (Object) null),
				noQuery("FundingCalls#add", "POST /api/funding-calls: an insert (the unique code index decides)", null),
				call("FundingCalls#byIds", "the calls a plan's activities are funded by", List.of("fc-1", "fc-2")),
				call("FundingCalls#search", "GET /api/funding-calls (soonest deadline first)", null, null, null, null,
						TODAY, 0, 20),
				call("FundingCalls#search", "GET /api/funding-calls?status=OPEN", FundingCallStatus.OPEN, null, null,
						null, TODAY, 0, 20),
				call("FundingCalls#search", "GET /api/funding-calls?status=UPCOMING", FundingCallStatus.UPCOMING, null,
						null, null, TODAY, 0, 20),
				call("FundingCalls#search", "GET /api/funding-calls?status=CLOSED", FundingCallStatus.CLOSED, null,
						null, null, TODAY, 0, 20),
				call("FundingCalls#search", "GET /api/funding-calls?theme=", null, Theme.CULTURE, null, null, TODAY, 0,
						20),
				call("FundingCalls#search", "GET /api/funding-calls?funder=", null, null, FundingSource.EU_CALL, null,
						TODAY, 0, 20),
				call("FundingCalls#search", "GET /api/funding-calls?code=", null, null, null, "EU-CERV-2026", TODAY, 0,
						20),
				call("FundingCalls#deadlineDue", "deadline job: calls whose closing (soon) is to be announced", TODAY,
						14, List.of("fc-seen"), 100),
				call("PartnershipReadModel#apply", "partnership events: the stored version, then the conditional write",
						new PartnershipEstablished("p-query-plans", 0, PartnershipStatus.ACTIVE,
								List.of(new PartnershipEvent.Partner("la-1", "Nevers", "FR", "FR-NEVERS"),
										new PartnershipEvent.Partner("la-2", "Sremska Mitrovica", "RS",
												"RS-SREMSKA-MITROVICA")),
								2005, Set.of(Theme.CULTURE), null, Instant.parse("2026-03-05T10:00:00Z"))),
				call("PartnershipReadModel#byIds", "a plan's partnerships, to check they may be used",
						List.of("p-query-plans", "p-2")),
				ServiceQueries.platform("aggregate: a plan by id",
						beans -> beans.call("Plans#find", new PlanId("plan-query-plans")))));
		queries.addAll(ServiceQueries.platformQueries("plans", "funding_calls"));
		return List.copyOf(queries);
	}

}
