package org.decoop.platform.outbox;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/outbox} (role ops): whether the relay publishes, and a switch to pause it,
 * during a broker maintenance say, without stopping the API: writes go on and their events wait
 * in the outbox until it resumes. The benchmark harness pauses it to measure how fast it drains
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

    @WriteOperation
    public Map<String, Object> pause(boolean paused) {
        if (paused) {
            relay.pause();
        }
        else {
            relay.resume();
        }
        return status();
    }
}
