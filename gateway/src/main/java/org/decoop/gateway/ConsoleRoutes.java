package org.decoop.gateway;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's own addresses: {@code /} and {@code /console} lead to {@code /console/},
 * which is the shell {@code console/index.html} from the static locations (the jar's, or
 * a folder's in the dev loop; its other files are served as any static file), and
 * {@code /console/session} says who is signed in.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoutes {

	/**
	 * Who is signed in, with the claims the services read (platform's {@code Callers}).
	 */
	record SignedIn(String username, String name, List<String> actsFor, boolean steward) {

		static SignedIn of(OidcUser user) {
			String username = String.valueOf(user.getPreferredUsername());
			String name = user.getFullName() != null ? user.getFullName() : username;
			Object realmAccess = user.getClaims().get("realm_access");
			boolean steward = realmAccess instanceof Map<?, ?> access
					&& strings(access.get("roles")).contains("steward");
			return new SignedIn(username, name, strings(user.getClaims().get("acts_for")), steward);
		}

		private static List<String> strings(@Nullable Object claim) {
			if (claim instanceof String single) {
				return List.of(single);
			}
			if (claim instanceof Collection<?> many) {
				return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
			}
			return List.of();
		}

	}

	@Bean
	RouterFunction<ServerResponse> console(ResourceLoader resources, WebProperties web, GatewayProblems problems) {
		return RouterFunctions.route()
			.GET("/", request -> toConsole())
			.GET("/console", request -> toConsole())
			.GET(ConsoleSignIn.CONSOLE, request -> shell(resources, web))
			.GET(ConsoleSignIn.CONSOLE + "session", request -> session(request, problems))
			.build();
	}

	private static Mono<ServerResponse> toConsole() {
		return ServerResponse.status(HttpStatus.FOUND).location(URI.create(ConsoleSignIn.CONSOLE)).build();
	}

	private static Mono<ServerResponse> shell(ResourceLoader resources, WebProperties web) {
		Resource shell = Arrays.stream(web.getResources().getStaticLocations())
			.map(location -> resources.getResource(location + "console/index.html"))
			.filter(Resource::isReadable)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		// asked again at each visit: a new version of the console is seen at once
		return ServerResponse.ok()
			.contentType(MediaType.TEXT_HTML)
			.cacheControl(CacheControl.noCache())
			.bodyValue(shell);
	}

	private static Mono<ServerResponse> session(ServerRequest request, GatewayProblems problems) {
		return request.principal()
			.filter(OAuth2AuthenticationToken.class::isInstance)
			.map(principal -> ((OAuth2AuthenticationToken) principal).getPrincipal())
			.filter(OidcUser.class::isInstance)
			.flatMap(user -> ServerResponse.ok()
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(SignedIn.of((OidcUser) user)))
			.switchIfEmpty(Mono.defer(() -> ServerResponse.status(HttpStatus.UNAUTHORIZED)
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyValue(GatewayProblems.members(GatewayProblems.problem(HttpStatus.UNAUTHORIZED, "Not signed in."),
						request.path()))));
	}

}
