package org.decoop.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.core.annotation.AliasFor;

/**
 * Documents the 201 answer of a POST that creates a resource: its {@code Location} header
 * names the new resource, its body is the method's return type. One definition for every
 * service's API documentation (springdoc reads it as the {@link ApiResponse} it carries).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(responseCode = "201", headers = @Header(name = "Location", description = "The new resource's path",
		schema = @Schema(type = "string")), useReturnTypeSchema = true)
public @interface CreatedResponse {

	/** The answer's description: what was created. */
	@AliasFor(annotation = ApiResponse.class, attribute = "description")
	String value() default "Created; Location names the new resource";

}
