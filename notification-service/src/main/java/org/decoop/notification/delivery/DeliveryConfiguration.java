package org.decoop.notification.delivery;

import java.time.Clock;

import org.decoop.notification.NotificationProperties;
import org.decoop.notification.email.MailWriter;
import org.decoop.notification.email.RecipientQuota;
import org.decoop.notification.notification.Deliveries;
import org.decoop.notification.notification.Notifications;
import org.decoop.notification.notification.Summaries;
import org.decoop.notification.subscription.Confirmations;
import org.decoop.notification.subscription.Subscriptions;
import org.decoop.notification.subscription.TargetGuard;
import org.decoop.platform.tracing.Traces;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

	@Bean
	TargetGuard targetGuard(NotificationProperties properties) {
		return new TargetGuard(properties.allowPrivateTargets());
	}

	@Bean
	@ConditionalOnProperty(name = "decoop.notification.delivery-enabled", havingValue = "true", matchIfMissing = true)
	DeliveryWorker deliveryWorker(Deliveries deliveries, Notifications notifications, Subscriptions subscriptions,
			MailWriter mail, TargetGuard guard, RecipientQuota quota, NotificationProperties properties, Clock clock,
			MeterRegistry meters, Traces traces, Summaries summaries) {
		return new DeliveryWorker(deliveries, notifications, subscriptions,
				new WebhookSender(guard, properties.timeout(), properties.concurrency(), clock),
				new EmailSender(mail, summaries), quota, properties, clock, meters, traces);
	}

	@Bean
	@ConditionalOnProperty(name = "decoop.notification.delivery-enabled", havingValue = "true", matchIfMissing = true)
	ConfirmationMailJob confirmationMailJob(Confirmations confirmations, MailWriter mail,
			NotificationProperties properties, Clock clock, MeterRegistry meters, Summaries summaries) {
		return new ConfirmationMailJob(confirmations, mail, properties, clock, meters, summaries);
	}

}
