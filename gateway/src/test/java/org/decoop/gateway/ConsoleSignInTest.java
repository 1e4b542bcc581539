package org.decoop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's sign-in through the gateway, with a stand-in Keycloak
 * ({@link FakeKeycloak}) and a stand-in plan-service, driven as a browser does: cookies
 * kept, redirects read one by one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.loadbalancer.health-check.interval=1h", "decoop.console.client-secret=s3cret",
				"management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans" })
class ConsoleSignInTest {

	static final FakeKeycloak keycloak = FakeKeycloak.start();

	static final Backend plans = Backend.start("plans");

	@LocalServerPort
	int port;

	/** One browser per test: its cookies. */
	CookieManager cookies;

	HttpClient browser;

	@DynamicPropertySource
	static void keycloakAndPlans(DynamicPropertyRegistry registry) {
		registry.add("decoop.console.issuer", keycloak::issuer);
		Backend.register(registry, "plan-service", plans::uri);
	}

	@AfterAll
	static void stop() {
		keycloak.close();
		plans.close();
	}

	@BeforeEach
	void newBrowser() {
		keycloak.accessTokenSeconds = 300;
		keycloak.refreshRefused = false;
		cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		browser = HttpClient.newBuilder().cookieHandler(cookies).build();
	}

	@Test
	void nobodyIsSignedInAtFirst() throws Exception {
		HttpResponse<String> session = get("/console/session");

		assertThat(session.statusCode()).isEqualTo(401);
		assertThat(session.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(session.body()).contains("\"status\":401", "Not signed in.");
	}

	@Test
	void signsInThroughKeycloakWithPkceAndSaysWhoIsSignedIn() throws Exception {
		HttpResponse<String> landed = signIn("nevers");

		assertThat(landed.statusCode()).isEqualTo(302);
		assertThat(landed.headers().firstValue("Location")).hasValue("/console/");
		assertThat(landed.headers().allValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=")
				.containsIgnoringCase("HttpOnly")
				.contains("SameSite=Lax"));
		// the code was exchanged by the gateway, with its secret and the PKCE verifier
		assertThat(keycloak.tokenRequests).last().satisfies(request -> {
			assertThat(request).containsEntry("grant_type", "authorization_code").containsKey("code_verifier");
			assertThat(request.get("authorization")).startsWith("Basic ");
		});
		HttpResponse<String> session = get("/console/session");
		assertThat(session.statusCode()).isEqualTo(200);
		assertThat(session.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(session.body()).isEqualTo(
				"{\"username\":\"nevers\",\"name\":\"Ville de Nevers\",\"actsFor\":[\"FR-NEVERS\"],\"steward\":false}");
	}

	@Test
	void aSignedInSessionsApiRequestReachesTheServiceWithItsAccessToken() throws Exception {
		signIn("nevers");

		assertThat(get("/api/plans?year=2020").statusCode()).isEqualTo(200);

		assertReachedWithTheNewestAccessToken("/api/plans?year=2020");
	}

	@Test
	void anExpiredAccessTokenIsRefreshedBeforeItIsRelayed() throws Exception {
		// Spring refreshes a token that expires within a minute
		keycloak.accessTokenSeconds = 30;
		signIn("nevers");
		String signedIn = keycloak.lastAccessToken;

		get("/api/plans/refreshed");

		assertThat(keycloak.tokenRequests).last()
			.satisfies(request -> assertThat(request).containsEntry("grant_type", "refresh_token"));
		assertThat(keycloak.lastAccessToken).isNotEqualTo(signedIn);
		assertReachedWithTheNewestAccessToken("/api/plans/refreshed");
	}

	@Test
	void aSessionKeycloakNoLongerRefreshesIsSentToSignInAgain() throws Exception {
		keycloak.accessTokenSeconds = 30;
		signIn("nevers");
		keycloak.refreshRefused = true;

		HttpResponse<String> api = get("/api/plans/ended");

		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(plans.at("/api/plans/ended")).isEmpty();
		assertThat(get("/console/session").statusCode()).isEqualTo(401);
	}

	@Test
	void aRequestWithItsOwnAuthorizationKeepsItAndNeedsNoCsrfToken() throws Exception {
		signIn("nevers");

		HttpResponse<String> posted = browser.send(request("/api/plans/own").header("Authorization", "Bearer mine")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(posted.statusCode()).isEqualTo(201);
		assertThat(plans.at("/api/plans/own")).singleElement()
			.satisfies(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer mine"));
	}

	@Test
	void aWriteWithTheSessionCookieNeedsTheCsrfHeader() throws Exception {
		signIn("nevers");
		get("/console/session");

		HttpResponse<String> forged = post("/api/plans/csrf", Map.of());
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(forged.body()).contains("\"status\":403", "X-XSRF-TOKEN");
		assertThat(plans.at("/api/plans/csrf")).isEmpty();

		HttpResponse<String> sent = post("/api/plans/csrf", Map.of("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));
		assertThat(sent.statusCode()).isEqualTo(201);
		assertThat(plans.at("/api/plans/csrf")).singleElement()
			.satisfies(request -> assertThat(request.header("Authorization")).startsWith("Bearer access-"));
	}

	@Test
	void signingOutEndsTheSessionThenKeycloaks() throws Exception {
		signIn("nevers");
		get("/console/session");

		HttpResponse<String> signedOut = post("/logout", Map.of("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));

		assertThat(signedOut.statusCode()).isEqualTo(302);
		URI keycloaks = URI.create(signedOut.headers().firstValue("Location").orElseThrow());
		assertThat(keycloaks.toString()).startsWith(keycloak.issuer() + "/protocol/openid-connect/logout?");
		assertThat(FakeKeycloak.form(keycloaks.getRawQuery())).containsKey("id_token_hint")
			.containsEntry("post_logout_redirect_uri", "http://localhost:" + port + "/console/");
		assertThat(get("/console/session").statusCode()).isEqualTo(401);
	}

	@Test
	void theRootLeadsToTheConsole() throws Exception {
		HttpResponse<String> root = get("/");

		assertThat(root.statusCode()).isEqualTo(302);
		assertThat(root.headers().firstValue("Location")).hasValue("/console/");
	}

	/**
	 * Follows the sign-in as the browser does, Keycloak's form aside: the gateway's
	 * redirect to Keycloak, then Keycloak's back to the gateway with a code.
	 */
	private HttpResponse<String> signIn(String username) throws IOException, InterruptedException {
		HttpResponse<String> toKeycloak = get("/oauth2/authorization/keycloak");
		assertThat(toKeycloak.statusCode()).isEqualTo(302);
		String authorization = toKeycloak.headers().firstValue("Location").orElseThrow();
		Map<String, String> query = FakeKeycloak.form(URI.create(authorization).getRawQuery());
		assertThat(authorization).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?");
		assertThat(query).containsEntry("client_id", "decoop-console")
			.containsEntry("code_challenge_method", "S256")
			.containsEntry("redirect_uri", "http://localhost:" + port + "/login/oauth2/code/keycloak")
			.containsKey("code_challenge");
		String code = keycloak.approve(authorization, username);
		return get("/login/oauth2/code/keycloak?code=" + code + "&state=" + query.get("state"));
	}

	/**
	 * plan-service got the request at {@code path} with the access token Keycloak gave
	 * last.
	 */
	private void assertReachedWithTheNewestAccessToken(String path) {
		assertThat(plans.at(path)).singleElement()
			.satisfies(request -> assertThat(request.header("Authorization"))
				.isEqualTo("Bearer " + keycloak.lastAccessToken));
	}

	private String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(
					() -> new AssertionError("no cookie " + name + " in " + cookies.getCookieStore().getCookies()));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return browser.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"));
		headers.forEach(request::header);
		return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
