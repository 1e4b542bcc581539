package org.decoop.platform.i18n;

import org.decoop.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;

class PlatformMessagesTest {

	@Test
	void everyKeyIsWrittenInEveryLanguageAndUsed() {
		MessageBundles.assertComplete("platform");
	}

}
