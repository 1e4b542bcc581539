package org.decoop.platform.readmodel;

import java.net.URI;

import org.decoop.platform.domain.Actor;
import org.decoop.platform.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Operators rebuild a read model from its topic and follow the rebuild (role {@code ops}
 * only; it checks the role itself, see {@link org.decoop.platform.security.OpsRole}).
 */
@RestController
@PreAuthorize("hasRole(@opsRole.name())")
@RequestMapping("/api/ops/read-models/{name}/rebuild")
@Tag(name = "Operations", description = "Read models rebuilt from their topics (role ops)")
public class ReadModelRebuildController {

	private final ReadModelRebuilds rebuilds;

	public ReadModelRebuildController(ReadModelRebuilds rebuilds) {
		this.rebuilds = rebuilds;
	}

	@PostMapping
	@Operation(
			summary = "Rebuild the read model from the beginning of its topic into a fresh collection, switched to when caught up;"
					+ " 409 while a rebuild of it runs")
	public ResponseEntity<RebuildProgress> rebuild(@PathVariable String name, @CurrentCaller Actor caller) {
		RebuildProgress started = rebuilds.start(name, caller.name());
		return ResponseEntity.accepted()
			.location(URI.create("/api/ops/read-models/" + name + "/rebuild"))
			.body(started);
	}

	@GetMapping
	@Operation(summary = "The latest rebuild of the read model: state, events read, lag, started, switched, finished")
	public RebuildProgress progress(@PathVariable String name) {
		return rebuilds.progress(name);
	}

}
