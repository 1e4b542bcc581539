package org.decoop.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jspecify.annotations.Nullable;

/**
 * The identity provider of the stack: the real Keycloak, from Maven Central's
 * {@code keycloak-quarkus-dist} zip (copied next to this jar by the build), unpacked once
 * under {@code .decoop/keycloak/}, run in {@code start-dev} mode with the {@code decoop}
 * realm imported (demo users, clients, the {@code acts_for} mapper, the
 * {@code decoop-api} audience).
 */
final class Keycloak extends Component {

	static final String REALM = "decoop";
	static final String CLI_CLIENT = "decoop-cli";

	private static final String REALM_RESOURCE = "keycloak/decoop-realm.json";

	private final StackOptions options;

	/** Made by prepare(), which unpacks the distribution it runs. */
	private @Nullable ChildProcess server;

	Keycloak(StackOptions options) {
		super("Keycloak");
		this.options = options;
	}

	/** The issuer as clients see it; services check tokens' {@code iss} against it. */
	String issuer() {
		return "http://localhost:" + options.keycloakPort() + "/realms/" + REALM;
	}

	String jwkSetUri() {
		return issuer() + "/protocol/openid-connect/certs";
	}

	String tokenUrl() {
		return issuer() + "/protocol/openid-connect/token";
	}

	URI readiness() {
		return URI.create("http://127.0.0.1:" + managementPort() + "/health/ready");
	}

	private int managementPort() {
		return options.keycloakPort() + 1000;
	}

	/**
	 * Unpacks the distribution unless done before, writes the realm file where
	 * {@code --import-realm} reads it, and forgets Keycloak's data (users' sessions, the
	 * realm as changed) with {@code --fresh}.
	 */
	@Override
	void prepare() throws IOException {
		boolean fresh = options.fresh();
		Path zip = built(options.jars()
			.resolve("local-stack")
			.resolve("target")
			.resolve("keycloak")
			.resolve("keycloak-quarkus-dist.zip"));
		Path installs = Files.createDirectories(options.home().resolve("keycloak"));
		String top = topDirectoryOf(zip);
		Path home = installs.resolve(top);
		if (!Files.isDirectory(home)) {
			// Unpacked beside, then renamed: an unpacking cut short (Ctrl-C) leaves no
			// half install behind.
			LocalStack.log("unpacking Keycloak into %s (once)", installs);
			Path unpacking = installs.resolve(".unpacking");
			LocalStack.deleteRecursively(unpacking);
			unzip(zip, unpacking);
			Files.move(unpacking.resolve(top), home, StandardCopyOption.ATOMIC_MOVE);
			LocalStack.deleteRecursively(unpacking);
		}
		String template;
		try (InputStream in = Keycloak.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
			template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		// the secret and the gateway's address written in: a new secret (--fresh) or
		// another
		// --gateway-port changes the file, so the realm is imported anew
		byte[] realm = realmFor(template, Credentials.in(options.home()).get(Credentials.CONSOLE_CLIENT_SECRET),
				options.gatewayUrl())
			.getBytes(StandardCharsets.UTF_8);
		Path database = home.resolve("data").resolve("h2");
		Path imports = Files.createDirectories(home.resolve("data").resolve("import"));
		Path imported = imports.resolve("decoop-realm.json");
		// --import-realm skips a realm that exists: a changed realm file is imported
		// anew, on a new database.
		boolean realmChanged = Files.exists(imported) && !Arrays.equals(Files.readAllBytes(imported), realm);
		if (fresh || realmChanged) {
			if (realmChanged && !fresh) {
				LocalStack.log("the realm file changed: Keycloak's data is made anew from it");
			}
			LocalStack.deleteRecursively(database);
		}
		Files.write(imported, realm);
		List<String> command = List.of("bash", home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
				"--http-host=" + options.bind(), "--http-port=" + options.keycloakPort(),
				"--http-management-host=" + options.bind(), "--http-management-port=" + managementPort(),
				// Tokens say iss=http://localhost:<port>/realms/decoop whoever asks, as
				// the services expect.
				"--hostname=http://localhost:" + options.keycloakPort(), "--hostname-backchannel-dynamic=true",
				"--health-enabled=true", "--import-realm");
		// it only signs tokens here: a small heap, and C1 alone (less memory, no JIT work
		// competing with the services)
		String heap = "-Xms64m -Xmx320m -XX:TieredStopAtLevel=1"; // kc.sh chooses the
																	// collector
		// kc.sh runs on the stack's own JDK (it needs Java 21 or newer, as the stack
		// does)
		server = new ChildProcess("keycloak", command,
				Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS_KC_HEAP", heap),
				options.logs().resolve("keycloak.log"));
	}

	/**
	 * The realm file with what compose gives Keycloak as environment variables: the
	 * console's client secret and the gateway's address (its redirect URIs).
	 */
	static String realmFor(String template, String consoleSecret, String gatewayUrl) {
		return template.replace("${DECOOP_CONSOLE_CLIENT_SECRET}", consoleSecret)
			.replace("${DECOOP_CONSOLE_URL}", gatewayUrl);
	}

	@Override
	void start() throws IOException {
		ChildProcess prepared = server;
		if (prepared == null) {
			throw new IllegalStateException("Keycloak is started before it is prepared");
		}
		run(prepared);
		LocalStack.log("started Keycloak (pid %d) on %s, logging to %s", prepared.pid(), issuer(), prepared.log());
		LocalStack.log(
				"tokens, once it is ready: curl -s -d grant_type=password -d client_id=%s -d username=nevers -d password=decoop %s",
				CLI_CLIENT, tokenUrl());
	}

	@Override
	void awaitReady() throws InterruptedException {
		awaitAnswer("Keycloak (realm " + REALM + ")", readiness());
	}

	@Override
	String describe() {
		return row("Keycloak", "%s   (demo users' password: decoop)".formatted(issuer()));
	}

	/** The welcome's lines on getting a token. */
	String instructions() {
		return """
				  Get a token (users: embassy, skgo, suresnes, kragujevac, nevers, sremska-mitrovica, ops):
				  TOKEN=$(curl -s -d grant_type=password -d client_id=%s -d username=nevers -d password=decoop %s | jq -r .access_token)
				  curl -H "Authorization: Bearer $TOKEN" ...

				"""
			.formatted(CLI_CLIENT, tokenUrl());
	}

	private static String topDirectoryOf(Path zip) throws IOException {
		try (ZipFile file = new ZipFile(zip.toFile())) {
			String first = file.entries().nextElement().getName();
			return first.substring(0, first.indexOf('/'));
		}
	}

	private static void unzip(Path zip, Path into) throws IOException {
		Path root = Files.createDirectories(into).toRealPath();
		try (ZipFile file = new ZipFile(zip.toFile())) {
			Enumeration<? extends ZipEntry> entries = file.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				Path target = root.resolve(entry.getName()).normalize();
				if (!target.startsWith(root)) {
					throw new IOException("unsafe entry in " + zip + ": " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				try (InputStream in = file.getInputStream(entry)) {
					Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
				}
				if (entry.getName().endsWith(".sh")) {
					Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
				}
			}
		}
	}

}
