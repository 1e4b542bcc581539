package org.decoop.platform.i18n;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Each request's language, negotiated from its {@code Accept-Language} by
 * {@link Languages#negotiate}. The API is stateless: a client says its language on each
 * request, nothing changes it.
 */
public class AcceptLanguageLocaleResolver implements LocaleResolver {

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return Languages.negotiate(request.getHeaders(HttpHeaders.ACCEPT_LANGUAGE));
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		throw new UnsupportedOperationException("the language comes from each request's Accept-Language");
	}

}
