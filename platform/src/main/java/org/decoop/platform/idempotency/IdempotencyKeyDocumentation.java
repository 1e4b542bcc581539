package org.decoop.platform.idempotency;

import java.util.Arrays;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Documents the optional {@code Idempotency-Key} header on every command (POST, PATCH) of
 * the OpenAPI document, with the answers it brings.
 */
public final class IdempotencyKeyDocumentation implements GlobalOperationCustomizer {

	private final String retention;

	/**
	 * @param retention how long a first answer is kept, as the document says it
	 */
	public IdempotencyKeyDocumentation(String retention) {
		this.retention = retention;
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		if (mapping == null || Arrays.stream(mapping.method())
			.noneMatch(method -> method == RequestMethod.POST || method == RequestMethod.PATCH)) {
			return operation;
		}
		operation.addParametersItem(new HeaderParameter().name(IdempotencyKey.HEADER)
			.required(false)
			.description(("Makes a retry safe (IETF draft \"The Idempotency-Key HTTP Header Field\"): a quoted "
					+ "string of 1 to %d printable ASCII characters, new for each command (a UUID). The first "
					+ "answer is kept for %s per caller; the same key with the same request answers it again "
					+ "without doing anything; with another method, path or body: 422; while the first request "
					+ "runs: 409 (Retry-After). A 5xx, 408 or 429 is not kept: a retry runs again.")
				.formatted(IdempotencyKey.MAX_LENGTH, retention))
			.schema(new StringSchema().maxLength(IdempotencyKey.MAX_LENGTH + 2)
				.example("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")));
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		problem(responses, "409", "The resource's state does not allow it, or the first request with this "
				+ "Idempotency-Key is still running");
		problem(responses, "422", "The body refers to something that cannot be used, or the Idempotency-Key "
				+ "was sent with another request");
		operation.setResponses(responses);
		return operation;
	}

	private static void problem(ApiResponses responses, String status, String description) {
		responses.putIfAbsent(status,
				new ApiResponse().description(description)
					.content(new Content().addMediaType("application/problem+json",
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
	}

}
