package org.decoop.platform.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.decoop.platform.errors.InvalidInputException;
import org.decoop.platform.errors.PreconditionFailedException;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void letsAChangeThroughWithoutIfMatchWithAStarOrWithTheCurrentTag() {
        assertThatCode(() -> ETags.checkIfMatch(null, 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.checkIfMatch("*", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.checkIfMatch(ETags.of(3), 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.checkIfMatch("\"2\", \"3\"", 3)).doesNotThrowAnyException();
    }

    @Test
    void refusesAStaleOrWeakTag() {
        assertThatThrownBy(() -> ETags.checkIfMatch("\"2\"", 3)).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> ETags.checkIfMatch("W/\"3\"", 3)).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void answersAMalformedHeaderAsBadInput() {
        assertThatThrownBy(() -> ETags.checkIfMatch("3", 3)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ETags.checkIfMatch("\"abc\"", 3)).isInstanceOf(InvalidInputException.class);
    }
}
