package org.decoop.partnership;

import org.decoop.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;

class PartnershipMessagesTest {

	@Test
	void everyKeyIsWrittenInEveryLanguageAndUsed() {
		MessageBundles.assertComplete("partnership");
	}

}
