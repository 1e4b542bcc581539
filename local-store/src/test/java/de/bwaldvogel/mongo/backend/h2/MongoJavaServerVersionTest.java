package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The store runs on the versions its backend was written against, not merely compatible
 * ones: a changed mongo-java-server or H2 (Spring Boot manages H2's version) fails here,
 * naming what to re-check.
 */
class MongoJavaServerVersionTest {

	private static final String RECHECK = ("ValueOrderedH2Backend was written against mongo-java-server %s and H2 %s. Re-check "
			+ "the package-private H2 classes it extends (H2Database, H2Collection, H2UniqueIndex), that H2's type tags still end "
			+ "below its own tag (127), and the stored format (ValueOrderedH2BackendTest reads what the stock backend wrote); then "
			+ "change local-store/pom.xml and ValueOrderedH2Backend's versions together.")
		.formatted(ValueOrderedH2Backend.MONGO_JAVA_SERVER, ValueOrderedH2Backend.H2);

	@Test
	void runsOnTheMongoJavaServerItWasWrittenAgainst() {
		// mongo-java-server's jars carry no version of their own (an empty manifest):
		// their file names do
		assertThat(versionInJarName(H2Backend.class, "mongo-java-server-h2-backend")).as(RECHECK)
			.isEqualTo(ValueOrderedH2Backend.MONGO_JAVA_SERVER);
		assertThat(versionInJarName(MongoServer.class, "mongo-java-server-core")).as(RECHECK)
			.isEqualTo(ValueOrderedH2Backend.MONGO_JAVA_SERVER);
	}

	@Test
	void runsOnTheH2ItWasWrittenAgainst() {
		assertThat(MVStore.class.getPackage().getImplementationVersion()).as(RECHECK)
			.isEqualTo(ValueOrderedH2Backend.H2);
	}

	private static String versionInJarName(Class<?> type, String artifact) {
		String jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath())
			.getFileName()
			.toString();
		Matcher version = Pattern.compile(Pattern.quote(artifact) + "-(.+)\\.jar").matcher(jar);
		assertThat(version.matches()).as("%s is loaded from %s", type.getName(), jar).isTrue();
		return version.group(1);
	}

}
