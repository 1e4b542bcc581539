package org.decoop.plan.plan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.decoop.plan.fundingcall.domain.FundingCall;
import org.decoop.platform.domain.Field;
import java.util.Optional;

/**
 * The rules an activity's funding lines follow when they name a funding call: the call
 * exists and has not closed, the line's source is the call's funder, the activity's theme
 * is one the call funds, and the call's lines of the activity together take at most the
 * call's grant (a grant is per activity: splitting it over several lines takes no more)
 * and at most its co-financing share of the activity's whole funding. (That the call is
 * OPEN is checked when the plan is signed.)
 */
public final class CallFunding {

	private CallFunding() {
	}

	/**
	 * @param place where the activity sits in the request ({@code activities[2]}), or
	 * none when the activity is the request itself (its lines are then
	 * {@code funding[j]})
	 * @param calls the calls the activity's lines name, by id; an id absent here names no
	 * call
	 * @param today the day the activity is drafted or added (UTC): a call closed before
	 * it is refused
	 * @throws org.decoop.plan.fundingcall.domain.FundingLineRefused naming
	 * {@code funding[j]} within {@code place}, saying which rule failed; for a rule on
	 * the call's lines together, the line at which their running total goes over
	 */
	public static void check(Activity activity, Field place, Map<String, FundingCall> calls, LocalDate today) {
		check(activity, Optional.of(place), calls, today);
	}

	/**
	 * The same for an activity that is the request itself: its lines are
	 * {@code funding[j]}.
	 */
	public static void check(Activity activity, Map<String, FundingCall> calls, LocalDate today) {
		check(activity, Optional.empty(), calls, today);
	}

	private static void check(Activity activity, Optional<Field> place, Map<String, FundingCall> calls,
			LocalDate today) {
		List<FundingLine> lines = activity.funding();
		Map<String, BigDecimal> takenFromCall = new HashMap<>();
		for (int j = 0; j < lines.size(); j++) {
			FundingLine line = lines.get(j);
			String callId = line.callId();
			if (callId == null) {
				continue;
			}
			Field field = lineField(place, j);
			FundingCall call = callNamed(callId, field, calls);
			call.requireNotClosedOn(field, today);
			call.requireFunds(field, line.source(), activity.theme());
			BigDecimal taken = takenFromCall.merge(callId, line.amountEur(), BigDecimal::add);
			call.requireGrantWithin(field, taken);
			call.requireShareWithin(field, taken, activity.totalEur());
		}
	}

	/** The ids of the funding calls these activities' lines name. */
	public static Set<String> callIdsOf(Collection<Activity> activities) {
		Set<String> ids = new LinkedHashSet<>();
		activities.forEach(activity -> activity.funding()
			.stream()
			.map(FundingLine::callId)
			.filter(Objects::nonNull)
			.forEach(ids::add));
		return ids;
	}

	/**
	 * The call a line names, refused at {@code field} when it is not among {@code calls}.
	 */
	static FundingCall callNamed(String callId, Field field, Map<String, FundingCall> calls) {
		FundingCall call = calls.get(callId);
		if (call == null) {
			throw FundingCall.unknown(field, callId);
		}
		return call;
	}

	/** {@code funding[j]} of the activity at {@code place}. */
	static Field lineField(Field place, int j) {
		return Field.named("funding").at(j).within(place);
	}

	/** {@code funding[j]} of the activity at {@code place}, or of the request itself. */
	private static Field lineField(Optional<Field> place, int j) {
		Field line = Field.named("funding").at(j);
		return place.map(line::within).orElse(line);
	}

}
