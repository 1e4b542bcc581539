package org.decoop.plan.plan.domain;

import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.UnknownReference;

/** An activity names a partnership that is not known, or has ENDED. */
public class PartnershipNotUsable extends UnknownReference {

	public PartnershipNotUsable(Field field, String partnershipId, boolean ended) {
		super(field, ended ? Phrase.of("plan.partnership.ended", partnershipId)
				: Phrase.of("plan.partnership.unknown", partnershipId));
	}

}
