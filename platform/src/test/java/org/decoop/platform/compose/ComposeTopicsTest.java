package org.decoop.platform.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.decoop.events.EventCatalog;
import org.decoop.platform.testing.ComposeFile;
import org.junit.jupiter.api.Test;

/**
 * The compose deployment creates exactly the topics of the published language, with their
 * partitions.
 */
class ComposeTopicsTest {

	@Test
	void createsTheTopicsOfTheEventContracts() {
		String command = ComposeFile.atProjectRoot().command("kafka-init");

		Matcher loop = Pattern.compile("for topic in ([a-z\\- ]+);").matcher(command);
		assertThat(loop.find()).as(command).isTrue();
		assertThat(loop.group(1).trim().split("\\s+")).containsExactlyInAnyOrderElementsOf(EventCatalog.topics());
		assertThat(command).contains("--partitions 3").contains("--if-not-exists");
	}

}
