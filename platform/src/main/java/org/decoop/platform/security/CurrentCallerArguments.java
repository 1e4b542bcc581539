package org.decoop.platform.security;

import java.util.Optional;

import org.decoop.platform.domain.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link CurrentCaller} arguments, so that a controller asks for its caller
 * where it acts for one instead of holding {@link Callers} itself.
 */
public final class CurrentCallerArguments implements HandlerMethodArgumentResolver {

	private final Callers callers;

	public CurrentCallerArguments(Callers callers) {
		this.callers = callers;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(CurrentCaller.class)
				&& parameter.nestedIfOptional().getNestedParameterType() == Actor.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
		return parameter.getParameterType() == Optional.class ? callers.signedIn() : callers.current();
	}

}
