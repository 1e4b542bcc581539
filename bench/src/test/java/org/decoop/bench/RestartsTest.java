package org.decoop.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestartsTest {

	private static final List<String> SERVICES = List.of("http://localhost:8081", "http://localhost:8082",
			"http://localhost:8083");

	@Test
	void eachRoundKillsOneInstanceOfEachServiceAndTheInstancesTakeTurns() {
		assertThat(Restarts.plan(SERVICES, 2, 2)).extracting(Restarts.Kill::url)
			.containsExactly("http://localhost:8081", "http://localhost:8082", "http://localhost:8083",
					"http://localhost:8181", "http://localhost:8182", "http://localhost:8183");
	}

	@Test
	void tenKillsOfEachServiceWithOneInstance() {
		assertThat(Restarts.plan(SERVICES, 1, 10)).hasSize(30)
			.filteredOn(kill -> kill.url().equals("http://localhost:8082"))
			.hasSize(10);
	}

}
