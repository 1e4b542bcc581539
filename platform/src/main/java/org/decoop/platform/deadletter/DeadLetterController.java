package org.decoop.platform.deadletter;

import java.util.List;

import org.decoop.platform.domain.Actor;
import org.decoop.platform.security.CurrentCaller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Operators' view of the parked records (role {@code ops} only): list with the reason,
 * replay one or all. It checks the role itself
 * ({@link org.decoop.platform.security.OpsRole}), not only the URL rule.
 */
@RestController
@PreAuthorize("hasRole(@opsRole.name())")
@RequestMapping("/api/ops/dead-letters")
@Tag(name = "Operations",
		description = "Records this service's consumers parked on their dead-letter topics (role ops)")
public class DeadLetterController {

	private final DeadLetters deadLetters;

	public DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	@Operation(summary = "The parked records, oldest first, with why each was parked and whether it was replayed")
	public List<DeadLetters.Parked> list() {
		return deadLetters.list();
	}

	@PostMapping("/{topic}/{offset}/replay")
	@Operation(summary = "Give one parked record to its consumer again (idempotent: an applied event changes nothing)")
	public DeadLetters.Replayed replay(@PathVariable String topic, @PathVariable long offset,
			@CurrentCaller Actor caller) {
		return deadLetters.replay(topic, offset, caller.name());
	}

	@PostMapping("/{topic}/replay")
	@Operation(summary = "Replay every parked record of a dead-letter topic; those refused again stay parked")
	public List<DeadLetters.Replayed> replayAll(@PathVariable String topic, @CurrentCaller Actor caller) {
		return deadLetters.replayAll(topic, caller.name());
	}

}
