package org.decoop.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides, in seconds, whether the container run can happen here. Testcontainers' own
 * {@code disabledWithoutDocker} hangs for minutes when a daemon runs but no image can be
 * pulled, so this asks the Docker CLI whether the images are already there and never
 * pulls. With {@code -Ddecoop.containers=true} (a Docker host that may pull) the
 * scenarios always run, and a missing image fails them loudly.
 */
public class TestInfrastructureCondition implements ExecutionCondition {

	static final String FORCE = "decoop.containers";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestInfrastructure.containersWanted()) {
			return ConditionEvaluationResult.enabled("embedded infrastructure");
		}
		if (Boolean.getBoolean(FORCE)) {
			return ConditionEvaluationResult.enabled(FORCE + "=true: running on containers");
		}
		if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
			return ConditionEvaluationResult
				.disabled("No Docker daemon here (no DOCKER_HOST, no /var/run/docker.sock); " + "run with -D" + FORCE
						+ "=true on a Docker host");
		}
		List<String> command = new ArrayList<>(List.of("docker", "image", "inspect", "--format", "{{.Id}}"));
		command.addAll(ContainerInfrastructure.REQUIRED_IMAGES);
		try {
			Process inspect = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!inspect.waitFor(10, TimeUnit.SECONDS)) {
				inspect.destroyForcibly();
				return ConditionEvaluationResult.disabled("The Docker daemon did not answer within 10 s");
			}
			if (inspect.exitValue() != 0) {
				return ConditionEvaluationResult.disabled(
						"The Docker daemon does not answer, or the images " + ContainerInfrastructure.REQUIRED_IMAGES
								+ " are not available locally (pulling is not attempted); " + "run with -D" + FORCE
								+ "=true on a Docker host to pull them");
			}
			return ConditionEvaluationResult.enabled("Docker and the images are available");
		}
		catch (IOException e) {
			return ConditionEvaluationResult.disabled("No docker CLI: " + e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return ConditionEvaluationResult.disabled("Interrupted while asking Docker");
		}
	}

}
