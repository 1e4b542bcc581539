package org.decoop.notification.delivery;

import java.time.Clock;

import org.decoop.notification.NotificationProperties;
import org.decoop.notification.email.RecipientQuota;
import org.decoop.notification.notification.Deliveries;
import org.decoop.notification.notification.Notifications;
import org.decoop.notification.notification.Summaries;
import org.decoop.notification.subscription.Confirmations;
import org.decoop.notification.subscription.Subscriptions;
import org.decoop.notification.subscription.TargetGuard;
import org.decoop.platform.tracing.Traces;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

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
			JavaMailSender mail, TargetGuard guard, RecipientQuota quota, NotificationProperties properties,
			Clock clock, MeterRegistry meters, Traces traces, MessageSource messages, Summaries summaries) {
		return new DeliveryWorker(deliveries, notifications, subscriptions,
				new WebhookSender(guard, properties.timeout(), properties.concurrency(), clock),
				new EmailSender(mail, properties.mailFrom(), messages, summaries, properties.zone()), quota, properties,
				clock, meters, traces);
	}

	@Bean
	@ConditionalOnProperty(name = "decoop.notification.delivery-enabled", havingValue = "true", matchIfMissing = true)
	ConfirmationMailJob confirmationMailJob(Confirmations confirmations, JavaMailSender mail,
			NotificationProperties properties, Clock clock, MeterRegistry meters) {
		return new ConfirmationMailJob(confirmations, mail, properties, clock, meters);
	}

}
