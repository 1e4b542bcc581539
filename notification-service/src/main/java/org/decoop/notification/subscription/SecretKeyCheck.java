package org.decoop.notification.subscription;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start, before anything else does (a database, a broker), a
 * notification-service without a usable webhook-secret key, saying which variable to set.
 */
public class SecretKeyCheck implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		SecretCipher.usableKey(environment.getProperty("decoop.notification.secret-key"),
				environment.matchesProfiles(SecretCipher.DEV_PROFILE));
	}

}
