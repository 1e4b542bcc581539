package org.decoop.platform.outbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an {@link OutboxDocument} class an outbox: the relay publishes the events
 * waiting in its {@code @Document} collection to {@code topic}, with CloudEvent
 * {@code source}. The platform finds the declared documents in the application's packages
 * ({@link OutboxDeclarations}), so a service writes no configuration for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Outbox {

	/** The topic its events are published to. */
	String topic();

	/** The CloudEvent {@code source} of its events (the service). */
	String source();

}
