package org.decoop.platform.testing;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A test clock in UTC whose instant a test controls; a zone asked for changes nothing
 * (the services work in UTC).
 */
abstract class UtcTestClock extends Clock {

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
