package org.decoop.partnership.localauthority.domain;

import java.util.Optional;

import org.decoop.platform.domain.InvalidValue;
import org.jspecify.annotations.Nullable;

/**
 * Where a local authority is: WGS84 degrees, as maps and GPS give them (a department or
 * province: its seat). The console draws each partnership as a line between its partners'
 * places.
 */
public record Coordinates(double latitude, double longitude) {

	public Coordinates {
		if (!(latitude >= -90 && latitude <= 90)) {
			throw new InvalidValue("latitude", "latitude must be WGS84 degrees between -90 and 90");
		}
		if (!(longitude >= -180 && longitude <= 180)) {
			throw new InvalidValue("longitude", "longitude must be WGS84 degrees between -180 and 180");
		}
	}

	/**
	 * The place given by two optional values: both or neither (none: the place is
	 * unknown); one alone names the missing one.
	 */
	public static Optional<Coordinates> of(@Nullable Double latitude, @Nullable Double longitude) {
		if (latitude == null && longitude == null) {
			return Optional.empty();
		}
		if (latitude == null) {
			throw new InvalidValue("latitude", "latitude is required with longitude: give both or neither");
		}
		if (longitude == null) {
			throw new InvalidValue("longitude", "longitude is required with latitude: give both or neither");
		}
		return Optional.of(new Coordinates(latitude, longitude));
	}

}
