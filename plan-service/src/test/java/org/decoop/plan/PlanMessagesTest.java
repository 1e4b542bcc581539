package org.decoop.plan;

import org.decoop.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;

class PlanMessagesTest {

	@Test
	void everyKeyIsWrittenInEveryLanguageAndUsed() {
		MessageBundles.assertComplete("plan");
	}

}
