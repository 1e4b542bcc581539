package org.decoop.partnership.partnership.domain;

import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.Field;
import org.decoop.platform.domain.UnknownReference;

/** A partnership was asked between local authorities one of which is not known. */
public class PartnerUnknown extends UnknownReference {

	public PartnerUnknown(int position, String localAuthorityId) {
		super(Field.named("partnerIds").at(position),
				Phrase.of("partnership.partnership.partner-unknown", localAuthorityId));
	}

}
