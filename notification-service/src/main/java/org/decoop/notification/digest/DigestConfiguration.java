package org.decoop.notification.digest;

import java.time.Clock;

import org.decoop.notification.NotificationProperties;
import org.decoop.notification.email.MailWriter;
import org.decoop.notification.notification.Notifications;
import org.decoop.notification.notification.Summaries;
import org.decoop.notification.subscription.Subscriptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

	@Bean
	DigestMailer digestMailer(MailWriter mail, DigestProperties properties, Summaries summaries) {
		return new DigestMailer(mail, summaries, properties.zone());
	}

	@Bean
	@ConditionalOnProperty(name = "decoop.notification.digest.enabled", havingValue = "true", matchIfMissing = true)
	DigestJob digestJob(Subscriptions subscriptions, Notifications notifications, DigestDispatches dispatches,
			DigestMailer mailer, DigestProperties properties, NotificationProperties notificationProperties,
			Clock clock, MeterRegistry meters) {
		return new DigestJob(subscriptions, notifications, dispatches, mailer, properties, notificationProperties,
				clock, meters);
	}

}
