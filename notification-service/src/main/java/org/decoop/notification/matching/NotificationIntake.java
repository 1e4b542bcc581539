package org.decoop.notification.matching;

import org.decoop.events.DecoopEvent;
import org.decoop.events.partnership.PartnerSearchEvent;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.events.plan.FundingCallEvent;
import org.decoop.events.plan.PlanEvent;
import org.decoop.notification.notification.NotificationRecorder;
import org.decoop.notification.subscription.Subscriptions;
import org.decoop.platform.messaging.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an incoming event into notifications: updates the read models, finds the matching
 * subscriptions, stores one notification per subscription. Storing is keyed by
 * (subscription, event id), so a redelivered record changes nothing.
 */
@Component
class NotificationIntake {

	private static final Logger log = LoggerFactory.getLogger(NotificationIntake.class);

	private final PartnershipReadModel partnerships;

	private final PlanReadModel plans;

	private final EventInterpreter interpreter;

	private final Subscriptions subscriptions;

	private final NotificationRecorder notifications;

	NotificationIntake(PartnershipReadModel partnerships, PlanReadModel plans, EventInterpreter interpreter,
			Subscriptions subscriptions, NotificationRecorder notifications) {
		this.partnerships = partnerships;
		this.plans = plans;
		this.interpreter = interpreter;
		this.subscriptions = subscriptions;
		this.notifications = notifications;
	}

	void accept(IncomingEvent incoming, PartnershipEvent event) {
		partnerships.apply(event);
		store(incoming, event, interpreter.interpret(event));
	}

	void accept(IncomingEvent incoming, PartnerSearchEvent event) {
		store(incoming, event, interpreter.interpret(event));
	}

	void accept(IncomingEvent incoming, FundingCallEvent event) {
		store(incoming, event, interpreter.interpret(event));
	}

	void accept(IncomingEvent incoming, PlanEvent event) {
		plans.apply(event);
		store(incoming, event, interpreter.interpret(event));
	}

	private void store(IncomingEvent incoming, DecoopEvent event, EventInterpreter.Interpretation interpretation) {
		int stored = notifications.record(subscriptions.matching(interpretation.facts()), incoming,
				interpretation.summary(), event.occurredAt());
		log.debug("Event {} ({}) stored for {} subscription(s)", incoming.id(), incoming.type(), stored);
	}

}
