package org.decoop.platform.outbox;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/outbox} (role ops): whether the relay publishes; {@code POST
 * /actuator/outbox/pause} and {@code /resume} stop and restart it, during a broker
 * maintenance say, without stopping the API: writes go on and their events wait in the
 * outbox until it resumes. The benchmark harness pauses it to measure how fast it drains
 * a backlog.
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

	private final OutboxRelay relay;

	public OutboxEndpoint(OutboxRelay relay) {
		this.relay = relay;
	}

	@ReadOperation
	public Map<String, Object> status() {
		return Map.of("paused", relay.isPaused());
	}

	/** {@code action}: {@code pause} or {@code resume}. */
	@WriteOperation
	public Map<String, Object> change(@Selector String action) {
		switch (action) {
			case "pause" -> relay.pause();
			case "resume" -> relay.resume();
			default -> throw new IllegalArgumentException("action is pause or resume, not " + action);
		}
		return status();
	}

}
