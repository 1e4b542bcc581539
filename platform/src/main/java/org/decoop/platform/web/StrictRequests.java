package org.decoop.platform.web;

import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link ApiRequestGuard} in front of every {@code /api/**} handler. */
public final class StrictRequests implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ApiRequestGuard()).addPathPatterns("/api/**");
	}

}
