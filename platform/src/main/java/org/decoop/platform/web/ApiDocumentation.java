package org.decoop.platform.web;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;

import org.decoop.platform.security.CurrentCaller;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Every service's OpenAPI document as a client needs it: a real title, version and
 * description, and for each operation the errors it can really answer, each as
 * {@code application/problem+json} with the {@code Problem} schema, derived from what the
 * operation takes (a body can be invalid, too large or not JSON; an id can be unknown; an
 * {@code If-Match} can be stale; a domain action can conflict with the state). Operations
 * declare their success answers themselves.
 *
 * @param issuer the identity provider's issuer (Keycloak realm URL), where Swagger UI
 * signs in
 * @param signedInOnly the path patterns where even reading needs a token
 */
public record ApiDocumentation(String title, String version, String description, String issuer,
		List<String> signedInOnly) implements GlobalOpenApiCustomizer, GlobalOperationCustomizer {

	private static final String PROBLEM = "Problem";

	private static final String SIGN_IN = "keycloak";

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	static {
		// a handler's caller comes from the token, never from the request's parameters
		SpringDocUtils.getConfig().addAnnotationsToIgnore(CurrentCaller.class);
	}

	@Override
	public void customise(OpenAPI openApi) {
		openApi.info(new Info().title(title).version(version).description(description));
		if (openApi.getComponents() == null) {
			openApi.components(new Components());
		}
		openApi.getComponents().addSchemas(PROBLEM, problemSchema());
		openApi.getComponents()
			.addSecuritySchemes(SIGN_IN, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
				.description(
						"Keycloak, realm decoop: Swagger UI signs in with the public client decoop-swagger (PKCE); "
								+ "scripts get a token from the client decoop-cli")
				.flows(new OAuthFlows()
					.authorizationCode(new OAuthFlow().authorizationUrl(issuer + "/protocol/openid-connect/auth")
						.tokenUrl(issuer + "/protocol/openid-connect/token")
						.scopes(new Scopes()))));
		if (openApi.getPaths() == null) {
			return;
		}
		// Writes need a token everywhere; some paths (a caller's own subscriptions) need
		// one to read.
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			boolean read = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD;
			if (!read || signedInOnly.stream().anyMatch(pattern -> PATHS.match(pattern, path))) {
				operation.addSecurityItem(new SecurityRequirement().addList(SIGN_IN));
				ApiResponses responses = operation.getResponses() == null ? new ApiResponses()
						: operation.getResponses();
				problem(responses, "401", "No bearer token, or one that is malformed, expired or not for this API "
						+ "(WWW-Authenticate: Bearer says which)");
				problem(responses, "403", "The caller does not act for whom this concerns");
				operation.setResponses(responses);
			}
		}));
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		boolean body = has(handler, RequestBody.class);
		boolean id = has(handler, PathVariable.class);
		boolean query = has(handler, RequestParam.class);
		boolean ifMatch = Arrays.stream(handler.getMethodParameters())
			.map(parameter -> parameter.getParameterAnnotation(RequestHeader.class))
			.anyMatch(header -> header != null && HttpHeaders.IF_MATCH.equalsIgnoreCase(header.name()));
		boolean action = handler.getMethod().isAnnotationPresent(PostMapping.class)
				|| handler.getMethod().isAnnotationPresent(DeleteMapping.class);
		if (body || query || id || ifMatch) {
			problem(responses, "400", "Bad input: the problem names the field (`field`, `errors`)");
		}
		if (id) {
			problem(responses, "404", "No such resource");
		}
		if (action && id) {
			problem(responses, "409", "The resource's state does not allow it");
		}
		if (ifMatch) {
			problem(responses, "412", "If-Match names a version that is no longer current");
		}
		if (body) {
			problem(responses, "413", "The body is larger than the service accepts");
			problem(responses, "415", "The body is not JSON in UTF-8");
			problem(responses, "422", "The body refers to something that cannot be used");
		}
		responses.remove("500");
		operation.setResponses(responses);
		return operation;
	}

	private static boolean has(HandlerMethod handler, Class<? extends Annotation> annotation) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(annotation)) {
				return true;
			}
		}
		return false;
	}

	private static void problem(ApiResponses responses, String status, String description) {
		responses.putIfAbsent(status,
				new ApiResponse().description(description)
					.content(new Content().addMediaType("application/problem+json",
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

	/** RFC 9457 problem details as every service writes them. */
	private static Schema<?> problemSchema() {
		ObjectSchema error = new ObjectSchema();
		error.addProperty("field", new StringSchema());
		error.addProperty("message", new StringSchema());
		ObjectSchema problem = new ObjectSchema();
		problem.description("RFC 9457 problem details");
		problem.addProperty("type", new StringSchema().format("uri").example("https://decoop.org/problems/validation"));
		problem.addProperty("title", new StringSchema().example("Bad Request"));
		problem.addProperty("status", new IntegerSchema().example(400));
		problem.addProperty("detail", new StringSchema().example("partnerIds: expected an array"));
		problem.addProperty("instance", new StringSchema().format("uri-reference").example("/api/partnerships"));
		problem.addProperty("field",
				new StringSchema().description("The offending request field, when there is one").example("partnerIds"));
		problem.addProperty("errors",
				new ArraySchema().items(error).description("Every offending field with its message"));
		return problem;
	}

}
