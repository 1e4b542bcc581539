package org.decoop.plan.fundingcall;

import java.util.Collection;
import java.util.Map;

import org.decoop.plan.fundingcall.domain.FundingCall;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The funding calls other features may read (plans check their funding lines against
 * them): the one way into this feature, with the domain's {@link FundingCall} it answers.
 * Writing stays here.
 */
@NamedInterface("api")
@Component
public class FundingCallLookup {

	private final FundingCalls calls;

	FundingCallLookup(FundingCalls calls) {
		this.calls = calls;
	}

	/** The known calls among {@code ids}, by id; unknown ids are absent from the map. */
	public Map<String, FundingCall> byIds(Collection<String> ids) {
		return calls.byIds(ids);
	}

}
