package org.decoop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.decoop.platform.domain.AggregateId;
import org.decoop.platform.domain.ExpectedVersion;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.StaleVersion;
import org.junit.jupiter.api.Test;

class ETagsTest {

	private static final AggregateId ID = () -> "p-1";

	@Test
	void letsAChangeThroughWithoutIfMatchWithAStarOrWithTheCurrentTag() {
		assertThat(ETags.expectedVersion(null).pinned()).isFalse();
		assertThat(ETags.expectedVersion("*").pinned()).isFalse();
		assertThatCode(() -> check(ETags.of(3), 3)).doesNotThrowAnyException();
		assertThatCode(() -> check("\"2\", \"3\"", 3)).doesNotThrowAnyException();
		assertThatCode(() -> check("\"2\",,\"3\" ", 3)).doesNotThrowAnyException();
	}

	@Test
	void refusesAStaleOrWeakTag() {
		assertThatThrownBy(() -> check("\"2\"", 3)).isInstanceOf(StaleVersion.class);
		assertThatThrownBy(() -> check("W/\"3\"", 3)).isInstanceOf(StaleVersion.class);
	}

	@Test
	void treatsWellFormedTagsItNeverIssuedAsMatchingNothing() {
		assertThatThrownBy(() -> check("\"abc\"", 3)).isInstanceOf(StaleVersion.class);
		assertThatThrownBy(() -> check("\"a,b\", \"\"", 3)).isInstanceOf(StaleVersion.class);
		assertThatThrownBy(() -> check("\"03\"", 3)).as("strong comparison is character by character")
			.isInstanceOf(StaleVersion.class);
	}

	@Test
	void answersASyntacticallyBrokenHeaderAsBadInput() {
		assertThatThrownBy(() -> ETags.expectedVersion("3")).isInstanceOf(InvalidValue.class);
		assertThatThrownBy(() -> ETags.expectedVersion("\"3")).isInstanceOf(InvalidValue.class);
		assertThatThrownBy(() -> ETags.expectedVersion("\"3\" \"4\"")).isInstanceOf(InvalidValue.class);
		assertThatThrownBy(() -> ETags.expectedVersion(",")).isInstanceOf(InvalidValue.class);
	}

	private static void check(String ifMatch, long current) {
		ExpectedVersion expected = ETags.expectedVersion(ifMatch);
		expected.check("Partnership", ID, current);
	}

}
