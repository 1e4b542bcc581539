package org.decoop.gateway;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

/**
 * The probes are neither traced nor timed: the supervisor's checks of the gateway's own
 * readiness, and the load balancer's health checks of every instance (every 2 s each,
 * through the WebClient; the services skip their side already). Each would otherwise be a
 * span exported to Zipkin and a timer, burying the requests' traces and costing CPU on
 * every check. The requests the gateway routes are observed as before.
 */
@Configuration(proxyBeanMethods = false)
class UntracedProbes {

	private static final String ACTUATOR = "/actuator";

	@Bean
	ObservationPredicate noProbeObservations() {
		return (name, context) -> {
			if (context instanceof ServerRequestObservationContext server && server.getCarrier() != null) {
				return !server.getCarrier().getPath().value().startsWith(ACTUATOR);
			}
			if (context instanceof ClientRequestObservationContext client && client.getCarrier() != null) {
				// decided before WebClient builds the request: the path is read from a
				// copy of the builder's request
				return !client.getCarrier().build().url().getPath().startsWith(ACTUATOR);
			}
			return true;
		};
	}

}
