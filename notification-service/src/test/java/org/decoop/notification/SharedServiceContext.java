package org.decoop.notification;

import org.decoop.platform.testing.AdjustableClock;
import org.decoop.platform.testing.EventPublisher;
import org.decoop.platform.testing.ServiceScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The one Spring context that the scenarios extending this class share (Spring's test
 * context cache keeps it: same classes, properties and database), instead of starting one
 * each: e-mail to GreenMail's test port, the service's clock {@link AdjustableClock
 * adjustable}, and the digest job run by hand ({@code runOnce()}) rather than by its
 * timer, whose first pass is the only one here, and at most 4 notification e-mails per
 * address and hour. A scenario that moves the clock has it reset after each test.
 */
@ServiceScenario(database = "notifications-shared",
		classes = { NotificationServiceApplication.class, AdjustableClock.InContext.class },
		properties = { "spring.mail.port=3025", "decoop.notification.poll-interval=50ms",
				"decoop.notification.digest.interval=1h", "decoop.notification.email.per-recipient=4" })
public abstract class SharedServiceContext {

	@RegisterExtension
	protected static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@RegisterExtension
	protected static final EventPublisher events = new EventPublisher();

	@LocalServerPort
	protected int port;

	@Autowired
	protected AdjustableClock clock;

	@AfterEach
	void realTimeAgain() {
		clock.reset();
	}

}
