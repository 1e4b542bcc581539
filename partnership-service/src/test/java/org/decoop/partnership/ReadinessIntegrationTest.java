package org.decoop.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.decoop.platform.testing.EnabledOnTestInfrastructure;
import org.decoop.platform.testing.ServiceApi;
import org.decoop.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A service whose database is gone answers 503 on readiness, so that it is taken out of
 * rotation, and stays alive (liveness 200): restarting it would not bring the database
 * back.
 */
@EnabledOnTestInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadinessIntegrationTest {

	/** A database of this test's own, that the test can take away. */
	private static final MongoServer MONGO = new MongoServer(new MemoryBackend());

	private static final String MONGO_URI;

	static {
		MONGO.bind();
		MONGO_URI = MONGO.getConnectionString().replaceAll("/+$", "")
				+ "/partnerships-readiness?serverSelectionTimeoutMS=1000";
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "partnerships-readiness");
		registry.add("spring.mongodb.uri", () -> MONGO_URI);
	}

	@AfterAll
	static void stopMongo() {
		MONGO.shutdownNow();
	}

	@LocalServerPort
	int port;

	@Test
	void answers503OnReadinessWhileItsDatabaseIsDownAndStaysAlive() {
		ServiceApi api = ServiceApi.onPort(port);
		assertThat(api.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		MONGO.shutdownNow();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(api.get("/actuator/health/readiness").statusCode()).isEqualTo(503));
		assertThat(api.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

}
