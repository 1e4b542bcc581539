package org.decoop.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.decoop.platform.security.Callers;
import org.decoop.platform.testing.InMemoryMongo;
import org.decoop.platform.testing.MockCallers;
import org.decoop.platform.testing.MutableClock;
import org.decoop.platform.testing.TestTokens;
import org.decoop.platform.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.decoop.platform.domain.Sha256;

/**
 * A command sent again with its {@code Idempotency-Key} is done once: the repeat gets the
 * first answer, a key reused for another body 422, a repeat while the first runs 409; a
 * failed first attempt and an expired key run again; each caller has keys of its own.
 */
@WebMvcTest(properties = { "decoop.idempotency.retention=2h",
		"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:9/jwks" })
class IdempotencyWebTest {

	private static final String TOO_LONG = "\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
			+ "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
			+ "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
			+ "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"";

	@RegisterExtension
	static final InMemoryMongo MONGO = new InMemoryMongo();

	private static final RequestPostProcessor NEVERS = MockCallers.user("nevers", "FR-NEVERS");

	private static final RequestPostProcessor SKGO = MockCallers.user("skgo", "SKGO");

	@Autowired
	MockMvc mvc;

	@Autowired
	Things things;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	IdempotencyRecords records;

	@Test
	void answersARepeatWithTheFirstAnswerWithoutDoingItAgain() throws Exception {
		int before = things.created.get();
		MvcResult first = create("\"k-replay\"", "{\"name\": \"Nevers\"}", NEVERS).andExpect(status().isCreated())
			.andReturn();
		String location = first.getResponse().getHeader("Location");

		create("\"k-replay\"", "{\"name\": \"Nevers\"}", NEVERS).andExpect(status().isCreated())
			.andExpect(header().string("Location", location))
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(content().json(first.getResponse().getContentAsString(), true));

		assertThat(things.created.get() - before).as("things created").isEqualTo(1);
	}

	@Test
	void refusesTheSameKeyWithAnotherBodyOrPath() throws Exception {
		create("\"k-other\"", "{\"name\": \"Nevers\"}", NEVERS).andExpect(status().isCreated());
		int after = things.created.get();

		create("\"k-other\"", "{\"name\": \"Sremska Mitrovica\"}", NEVERS).andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://decoop.org/problems/idempotency-key-reused"))
			.andExpect(jsonPath("$.field").value("Idempotency-Key"));
		mvc.perform(post("/api/things/1/renaming").with(NEVERS)
			.header("Idempotency-Key", "\"k-other\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Nevers\"}")).andExpect(status().isUnprocessableContent());

		assertThat(things.created.get()).as("nothing done").isEqualTo(after);
	}

	/** The key's refusals are said in the request's language, the field unchanged. */
	@Test
	void saysTheKeysRefusalsInTheReadersLanguage() throws Exception {
		create("\"k-language\"", "{\"name\": \"Nevers\"}", NEVERS).andExpect(status().isCreated());

		createIn("fr", "\"k-language\"", "{\"name\": \"Kragujevac\"}").andExpect(status().isUnprocessableContent())
			.andExpect(header().string("Content-Language", "fr"))
			.andExpect(jsonPath("$.title").value("Contenu impossible à traiter"))
			.andExpect(jsonPath("$.detail").value("Cette Idempotency-Key a été envoyée avec une autre requête "
					+ "(méthode, chemin ou corps) ; une nouvelle commande demande une nouvelle clé."))
			.andExpect(jsonPath("$.field").value("Idempotency-Key"));
		createIn("sr-Latn", "\"k-language\"", "{\"name\": \"Kragujevac\"}")
			.andExpect(jsonPath("$.detail").value(startsWith("Ovaj Idempotency-Key je poslat uz drugi zahtev")));
		create("8e03978e", "{\"name\": \"Nevers\"}", NEVERS).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(startsWith("must be a quoted string")));
		createIn("sr-Cyrl", "8e03978e", "{\"name\": \"Nevers\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(startsWith("мора бити низ знакова под наводницима")));
	}

	@Test
	void answersConflictToARepeatWhileTheFirstRequestRuns() throws Exception {
		things.hold = new CountDownLatch(1);
		things.entered = new CountDownLatch(1);
		try {
			CompletableFuture<MvcResult> first = CompletableFuture
				.supplyAsync(() -> perform("\"k-running\"", "{\"name\": \"Slow\"}", NEVERS));
			assertThat(things.entered.await(30, TimeUnit.SECONDS)).isTrue();

			create("\"k-running\"", "{\"name\": \"Slow\"}", NEVERS).andExpect(status().isConflict())
				.andExpect(header().string("Retry-After", "1"))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://decoop.org/problems/idempotency-key-in-use"));

			things.hold.countDown();
			assertThat(first.get(30, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(201);
		}
		finally {
			things.hold.countDown();
			things.hold = null;
		}
		create("\"k-running\"", "{\"name\": \"Slow\"}", NEVERS).andExpect(status().isCreated());
	}

	@Test
	void takesOverAClaimWhoseRequestNeverAnsweredOnceItTimedOut() throws Exception {
		// an instance claimed the key, then died before answering
		assertThat(records.claim(TestTokens.subjectOf("nevers"), "k-crashed",
				new IdempotencyRecords.Fingerprint("POST", "/api/things",
						Sha256.hex("{\"name\": \"Nevers\"}".getBytes(StandardCharsets.UTF_8)))))
			.isInstanceOf(IdempotencyRecords.Claimed.class);
		int before = things.created.get();

		create("\"k-crashed\"", "{\"name\": \"Nevers\"}", NEVERS).andExpect(status().isConflict());
		clock.advance(Duration.ofMinutes(1));
		create("\"k-crashed\"", "{\"name\": \"Nevers\"}", NEVERS).andExpect(status().isCreated());
		create("\"k-crashed\"", "{\"name\": \"Nevers\"}", NEVERS).andExpect(status().isCreated());

		assertThat(things.created.get() - before).isEqualTo(1);
	}

	@Test
	void createsNothingMoreWhenACommandRunsAgainAfterItsInstanceDiedBeforeKeepingTheAnswer() throws Exception {
		String body = "{\"name\": \"Died mid-request\"}";
		MvcResult first = perform("\"k-died\"", "/api/stored-things", body, NEVERS);
		// the instance stored the thing, then died before its answer was kept: the claim
		// stays
		mongo.updateFirst(Query.query(Criteria.where("key").is("k-died")),
				new Update().set("state", "RUNNING").unset("response"), IdempotencyRecords.COLLECTION);
		clock.advance(Duration.ofMinutes(1));

		MvcResult again = perform("\"k-died\"", "/api/stored-things", body, NEVERS);

		assertThat(again.getResponse().getStatus()).as("run again once the claim timed out").isEqualTo(201);
		assertThat(again.getResponse().getHeader("Location")).as("the thing the first run stored")
			.isEqualTo(first.getResponse().getHeader("Location"));
		assertThat(things.stored.values()).as("things stored").filteredOn(thing -> thing.equals(body)).hasSize(1);
		assertThat(
				perform("\"k-other-command\"", "/api/stored-things", body, NEVERS).getResponse().getHeader("Location"))
			.as("another key, another command")
			.isNotEqualTo(first.getResponse().getHeader("Location"));
		assertThat(perform("\"k-died\"", "/api/stored-things", body, SKGO).getResponse().getHeader("Location"))
			.as("another caller's key")
			.isNotEqualTo(first.getResponse().getHeader("Location"));
	}

	@Test
	void runsAgainAfterAFailedFirstAttempt() throws Exception {
		int before = things.failed.get();
		perform("\"k-failing\"", "/api/failing", "{}", NEVERS);
		MvcResult again = perform("\"k-failing\"", "/api/failing", "{}", NEVERS);

		assertThat(again.getResponse().getStatus()).isEqualTo(500);
		assertThat(things.failed.get() - before).as("attempts run").isEqualTo(2);
	}

	@Test
	void keepsTheKeysOfEachCallerApart() throws Exception {
		int before = things.created.get();
		create("\"k-shared\"", "{\"name\": \"Nevers\"}", NEVERS).andExpect(status().isCreated());
		create("\"k-shared\"", "{\"name\": \"Nevers\"}", SKGO).andExpect(status().isCreated());
		create("\"k-shared\"", "{\"name\": \"Other\"}", SKGO).andExpect(status().isUnprocessableContent());

		assertThat(things.created.get()).as("one thing for each caller").isEqualTo(before + 2);
	}

	@Test
	void keepsAnAnswerForTheConfiguredRetentionThenRunsAgain() throws Exception {
		int before = things.created.get();
		Instant sent = clock.instant();
		create("\"k-expiry\"", "{\"name\": \"Nevers\"}", NEVERS).andExpect(status().isCreated());
		Document kept = mongo.findOne(Query.query(Criteria.where("key").is("k-expiry")), Document.class,
				IdempotencyRecords.COLLECTION);
		assertThat(kept.get("expiresAt", Date.class).toInstant()).isEqualTo(sent.plus(Duration.ofHours(2)));

		clock.advance(Duration.ofHours(2).minusSeconds(1));
		create("\"k-expiry\"", "{\"name\": \"Nevers\"}", NEVERS).andExpect(status().isCreated());
		assertThat(things.created.get() - before).as("within the retention").isEqualTo(1);
		clock.advance(Duration.ofSeconds(1));
		create("\"k-expiry\"", "{\"name\": \"Nevers\"}", NEVERS).andExpect(status().isCreated());
		assertThat(things.created.get() - before).as("once expired").isEqualTo(2);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "8e03978e-40d5-43e8-bc93-6894a57f9324", "\"\"", "\"unterminated", "\"tab\there\"", "\"é\"",
			"\"a\" ; p=1", TOO_LONG })
	void refusesAKeyThatIsNotAStructuredFieldStringOfAtMost255Characters(String key) throws Exception {
		int before = things.created.get();
		create(key, "{\"name\": \"Nevers\"}", NEVERS).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("Idempotency-Key"));
		assertThat(things.created.get()).isEqualTo(before);
	}

	@Test
	void readsEscapesInAKey() throws Exception {
		create("\"say \\\"hi\\\" \\\\o/\"", "{\"name\": \"Nevers\"}", NEVERS).andExpect(status().isCreated());
		assertThat(
				mongo.exists(Query.query(Criteria.where("key").is("say \"hi\" \\o/")), IdempotencyRecords.COLLECTION))
			.isTrue();
	}

	@Test
	void leavesARequestWithoutTheHeaderAlone() throws Exception {
		int before = things.created.get();
		mvc.perform(post("/api/things").with(NEVERS).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/things").with(NEVERS).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isCreated());
		assertThat(things.created.get() - before).isEqualTo(2);
	}

	private ResultActions create(String key, String body, RequestPostProcessor caller) throws Exception {
		return mvc.perform(post("/api/things").with(caller)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	/** A creation by Nevers whose answer is asked for in the language. */
	private ResultActions createIn(String language, String key, String body) throws Exception {
		return create(key, body, request -> {
			request.addHeader("Accept-Language", language);
			return NEVERS.postProcessRequest(request);
		});
	}

	private MvcResult perform(String key, String body, RequestPostProcessor caller) {
		return perform(key, "/api/things", body, caller);
	}

	private MvcResult perform(String key, String path, String body, RequestPostProcessor caller) {
		try {
			return mvc
				.perform(post(path).with(caller)
					.header("Idempotency-Key", key)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andReturn();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Commands that count what they do. */
	@RestController
	static class Things {

		final AtomicInteger created = new AtomicInteger();

		final AtomicInteger failed = new AtomicInteger();

		/** By id, as a store with a unique id keeps them: the request bodies. */
		final Map<String, String> stored = new ConcurrentHashMap<>();

		volatile CountDownLatch hold;

		volatile CountDownLatch entered;

		@PostMapping("/api/things")
		ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> thing) throws Exception {
			CountDownLatch held = hold;
			if (held != null) {
				entered.countDown();
				held.await(30, TimeUnit.SECONDS);
			}
			int id = created.incrementAndGet();
			return ResponseEntity.created(URI.create("/api/things/" + id))
				.eTag("\"0\"")
				.body(Map.of("id", id, "name", String.valueOf(thing.get("name"))));
		}

		/**
		 * Stores a thing under a new id; one stored already under that id is answered.
		 */
		@PostMapping("/api/stored-things")
		ResponseEntity<Void> store(@RequestBody String thing) {
			String id = CommandIds.newId(String::valueOf);
			stored.putIfAbsent(id, thing);
			return ResponseEntity.created(URI.create("/api/stored-things/" + id)).build();
		}

		@PostMapping("/api/things/{id}/renaming")
		Map<String, Object> rename(@PathVariable String id, @RequestBody Map<String, Object> name) {
			created.incrementAndGet();
			return name;
		}

		@PostMapping("/api/failing")
		void fail(@RequestBody Map<String, Object> body) {
			failed.incrementAndGet();
			throw new IllegalStateException("the store is away");
		}

	}

	@SpringBootConfiguration
	@EnableConfigurationProperties(IdempotencyProperties.class)
	@Import({ ProblemDetailsAdvice.class, Things.class })
	static class Application {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
		}

		@Bean
		MongoTemplate mongoTemplate() {
			return MONGO.freshDatabase();
		}

		@Bean
		IdempotencyRecords idempotencyRecords(MongoTemplate mongo, IdempotencyProperties properties,
				MutableClock clock) {
			return new IdempotencyRecords(mongo, properties, clock);
		}

		@Bean
		FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyRecords records, Callers callers,
				@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
			return IdempotencyConfiguration
				.registration(new IdempotencyFilter(records, IdempotencyConfiguration.callerScope(callers), problems));
		}

	}

}
