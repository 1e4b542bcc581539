package org.decoop.bench;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstancesTest {

	private static final List<String> SERVICES = List.of("http://localhost:8081", "http://localhost:8082",
			"http://localhost:8083");

	@Test
	void theSecondInstanceListensOnTheFirstOnesPortPlusAHundred() {
		assertThat(Instances.url("http://localhost:8083", 1)).isEqualTo("http://localhost:8083");
		assertThat(Instances.url("http://localhost:8083", 2)).isEqualTo("http://localhost:8183");
	}

	@Test
	void twoWhenEveryServiceHasItsSecondInstanceReady() {
		Set<String> ready = Set.of("http://localhost:8081/r", "http://localhost:8082/r", "http://localhost:8083/r",
				"http://localhost:8181/r", "http://localhost:8182/r", "http://localhost:8183/r");

		assertThat(Instances.running(SERVICES, 2, url -> ready.contains(url + "/r"))).isEqualTo(2);
	}

	@Test
	void oneWhenOnlyTheFirstInstancesAnswer() {
		Set<String> ready = Set.of("http://localhost:8081", "http://localhost:8082", "http://localhost:8083");

		assertThat(Instances.running(SERVICES, 2, ready::contains)).isEqualTo(1);
	}

	@Test
	void theFewestOverTheServicesWhenOneSecondInstanceIsDown() {
		Set<String> ready = Set.of("http://localhost:8081", "http://localhost:8082", "http://localhost:8083",
				"http://localhost:8181", "http://localhost:8183");

		assertThat(Instances.running(SERVICES, 2, ready::contains)).isEqualTo(1);
	}

}
