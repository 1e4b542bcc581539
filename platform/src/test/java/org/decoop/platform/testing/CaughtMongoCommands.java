package org.decoop.platform.testing;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Catches the commands the service's MongoDB client sends ({@code @Import} it, then
 * autowire {@link MongoCommands}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class CaughtMongoCommands {

	@Bean
	MongoCommands mongoCommands() {
		return new MongoCommands();
	}

	@Bean
	MongoClientSettingsBuilderCustomizer catchMongoCommands(MongoCommands commands) {
		return settings -> settings.addCommandListener(commands);
	}

}
