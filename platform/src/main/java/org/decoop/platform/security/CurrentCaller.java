package org.decoop.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler's argument that is the caller of the request, as {@link Callers} reads it: an
 * {@code Actor} where a token is needed (an anonymous caller is refused, never taken for
 * the system), an {@code Optional<Actor>} where anyone may read. Not a parameter of the
 * API: the OpenAPI document leaves it out.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CurrentCaller {

}
