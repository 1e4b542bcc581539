package org.decoop.platform.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {

	@Test
	void hexIsTheStandardDigestOfTheUtf8Bytes() {
		// FIPS 180-2's own example
		assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Sha256.of(new byte[0])).hasSize(32);
	}

}
