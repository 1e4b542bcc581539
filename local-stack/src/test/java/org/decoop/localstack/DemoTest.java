package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The demo registers its ten local authorities with their real places: each in its own
 * country on the console's map, latitude and longitude the right way round.
 */
class DemoTest {

	/** Mainland France and Serbia, in degrees: south, north, west, east. */
	private static final Map<String, double[]> COUNTRIES = Map.of("FR", new double[] { 41.3, 51.1, -5.2, 9.6 }, "RS",
			new double[] { 42.2, 46.2, 18.8, 23.1 });

	@Test
	void placesEachOfTheTenLocalAuthoritiesInItsCountry() {
		assertThat(Demo.PLACES).containsOnlyKeys("FR-SURESNES", "RS-KRAGUJEVAC", "FR-NEVERS", "RS-SREMSKA-MITROVICA",
				"FR-GIRONDE", "RS-NIS", "RS-VOJVODINA", "FR-VAL-D-OISE", "FR-ARLES", "RS-CACAK");
		Demo.PLACES.forEach((code, place) -> {
			double[] bounds = COUNTRIES.get(code.substring(0, 2));
			assertThat(place.latitude().doubleValue()).as("latitude of %s", code).isBetween(bounds[0], bounds[1]);
			assertThat(place.longitude().doubleValue()).as("longitude of %s", code).isBetween(bounds[2], bounds[3]);
			assertThat(place.latitude().scale()).as("4 decimals for %s", code).isEqualTo(4);
			assertThat(place.longitude().scale()).as("4 decimals for %s", code).isEqualTo(4);
		});
		assertThat(Demo.PLACES.get("FR-NEVERS").latitude()).isEqualByComparingTo("46.9896");
	}

}
