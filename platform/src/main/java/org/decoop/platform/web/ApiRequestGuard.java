package org.decoop.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.Phrase;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before any handler runs, what the API never accepts: a query string that is
 * not percent-encoded UTF-8 or that carries control characters (400); a number or an enum
 * parameter that is not written exactly as one (400: Spring would read {@code 0x10},
 * {@code +1}, {@code " 5"} and {@code " ACTIVE"}, falling back to lenient editors when
 * its conversion refuses); and a request body that is not JSON in UTF-8 (415: no
 * wildcard, other charset, malformed parameters or {@code +json} variant).
 */
public final class ApiRequestGuard implements HandlerInterceptor {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");

	private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

	private static final Set<Class<?>> WHOLE_NUMBER_TYPES = Set.of(int.class, Integer.class, long.class, Long.class);

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		checkQuery(request);
		if (handler instanceof HandlerMethod method) {
			checkTypedParameters(method, request);
			if (takesABody(method) && hasBody(request)) {
				checkContentType(request.getHeader("Content-Type"));
			}
			else if (takesABody(method)) {
				checkEmptyBodysContentType(request.getHeader("Content-Type"));
			}
		}
		return true;
	}

	private static void checkQuery(HttpServletRequest request) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (InvalidParameterException | IllegalArgumentException undecodable) {
			throw new MalformedQuery();
		}
		parameters.forEach((name, values) -> {
			for (String value : values) {
				if (hasControlCharacters(value) || hasControlCharacters(name)) {
					throw new InvalidValue(hasControlCharacters(name) ? "query" : name,
							Phrase.of("platform.query.control-characters"));
				}
			}
		});
	}

	/**
	 * Number and enum query parameters exactly as written: decimal digits, or one of the
	 * names.
	 */
	private static void checkTypedParameters(HandlerMethod method, HttpServletRequest request) {
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
			if (annotation == null) {
				continue;
			}
			// Spring discovers parameter names on a handler's first call; this runs
			// before it.
			parameter.initParameterNameDiscovery(PARAMETER_NAMES);
			String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
			String value = name == null ? null : request.getParameter(name);
			Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
			if (value == null || value.isEmpty()) {
				continue; // absent: the default, if any, applies
			}
			if (WHOLE_NUMBER_TYPES.contains(type) && !WHOLE_NUMBER.matcher(value).matches()) {
				throw new InvalidValue(name, Phrase.of("platform.query.whole-number"));
			}
			if (type.isEnum()) {
				// By name, as Spring converts them, but without its trimming.
				List<String> names = Arrays.stream(type.getEnumConstants())
					.map(constant -> ((Enum<?>) constant).name())
					.toList();
				if (!names.contains(value)) {
					throw new InvalidValue(name, Phrase.of("platform.query.one-of", String.join(", ", names)));
				}
			}
		}
	}

	/** Any but a tab, which a name may hold. */
	private static boolean hasControlCharacters(String text) {
		return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t');
	}

	private static boolean takesABody(HandlerMethod method) {
		for (MethodParameter parameter : method.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

	/**
	 * {@code application/json}, optionally with {@code charset=utf-8} and nothing else.
	 */
	static void checkContentType(String header) {
		if (header == null) {
			throw new UnsupportedBody(Phrase.of("platform.body.needs-json"));
		}
		String[] parts = header.split(";", -1);
		boolean json = parts[0].strip().equalsIgnoreCase("application/json");
		boolean utf8 = parts.length == 1 || (parts.length == 2
				&& parts[1].strip().toLowerCase(Locale.ROOT).replace("\"", "").equals("charset=utf-8"));
		if (!json || !utf8) {
			throw new UnsupportedBody(Phrase.of("platform.body.not-json", sanitized(header)));
		}
	}

	/**
	 * Without a body any Content-Type will do, except one Spring cannot even take as a
	 * media type (a wildcard, a malformed one): Spring reads the header before it sees
	 * the body is empty and would fail there (a 500), so it is refused as it would be
	 * with a body.
	 */
	static void checkEmptyBodysContentType(String header) {
		if (header == null) {
			return;
		}
		boolean usable;
		try {
			MediaType type = MediaType.parseMediaType(header);
			usable = !type.isWildcardType() && !type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException malformed) {
			usable = false;
		}
		if (!usable) {
			throw new UnsupportedBody(Phrase.of("platform.body.not-json", sanitized(header)));
		}
	}

	private static String sanitized(String header) {
		String printable = header.codePoints()
			.filter(c -> c >= 0x20 && c != 0x7f)
			.limit(100)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return "'" + printable + "'";
	}

	/** The query string cannot be decoded (answered 400). */
	static final class MalformedQuery extends RuntimeException {

		MalformedQuery() {
			super("The query string is not valid percent-encoded UTF-8");
		}

	}

	/** The body is not JSON in UTF-8 (answered 415). */
	static final class UnsupportedBody extends RuntimeException {

		private final Phrase phrase;

		UnsupportedBody(Phrase phrase) {
			super(phrase.english());
			this.phrase = phrase;
		}

		Phrase phrase() {
			return phrase;
		}

	}

}
