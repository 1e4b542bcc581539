package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser on the {@link RunningStack}'s console: Debian's {@code chromium},
 * headless, driven by its own {@code chromedriver} (given by path: Selenium Manager never
 * runs, nothing is downloaded), at 1280x900 ({@link #wide()}) or 375 px wide
 * ({@link #narrow()}). It signs in through Keycloak's form as a demo user, checks a page
 * with axe-core and keeps screenshots in {@code target/console-screenshots/}.
 */
final class Browser implements AutoCloseable {

	static final String CONSOLE = RunningStack.GATEWAY_URL + "/console/";

	static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	private static final String AXE = axeScript();

	final ChromeDriver driver;

	final WebDriverWait wait;

	private Browser(int width, int height) {
		ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
			// --no-sandbox: the CI runs as root, where chromium's sandbox cannot start
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=en-US",
					"--window-size=%d,%d".formatted(width, height));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
		wait = new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	static Browser wide() {
		return new Browser(1280, 900);
	}

	static Browser narrow() {
		return new Browser(375, 812);
	}

	/** Opens the console at {@code hash} (e.g. {@code #/network}). */
	Browser open(String hash) {
		driver.get(CONSOLE + hash);
		return this;
	}

	/**
	 * Signs in as a demo user (password {@code decoop}) with the shell's button and
	 * Keycloak's form; back on the console once the shell says who is signed in.
	 */
	Browser signIn(String username) {
		open("#/network");
		find("sign-in").click();
		submitKeycloaksForm(username);
		awaitSignedIn(username);
		return this;
	}

	/** Keycloak's sign-in form, filled in and sent. */
	void submitKeycloaksForm(String username) {
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys("decoop");
		driver.findElement(By.id("kc-login")).click();
	}

	void awaitSignedIn(String username) {
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-test='who']"), "data-username", username));
	}

	/** The element named {@code data-test="name"}, once it is there. */
	WebElement find(String name) {
		return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test='" + name + "']")));
	}

	/**
	 * axe-core's serious and critical violations on the page as it is now, one line each
	 * (rule, help, elements).
	 */
	@SuppressWarnings("unchecked")
	List<String> seriousViolations() {
		driver.executeScript(AXE);
		return (List<String>) driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then(results => done(results.violations
				    .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
				    .map(violation => violation.id + ' (' + violation.impact + '): ' + violation.help + ' at '
				      + violation.nodes.map(node => node.target.join(' ')).join(', '))))
				  .catch(failure => done(['axe-core failed: ' + failure]));
				""");
	}

	/** No serious or critical accessibility violation on the page as it is now. */
	void assertAccessible() {
		assertThat(seriousViolations()).as("axe-core on " + driver.getCurrentUrl()).isEmpty();
	}

	/** The page as it looks now, in {@code target/console-screenshots/<name>.png}. */
	Path screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve(name + ".png");
		Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
		return file;
	}

	@Override
	public void close() {
		driver.quit();
	}

	/** axe-core's script, from its WebJar (whichever version the build resolved). */
	private static String axeScript() {
		ClassLoader loader = Browser.class.getClassLoader();
		try (InputStream pom = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
			Properties properties = new Properties();
			properties.load(pom);
			String path = "META-INF/resources/webjars/axe-core/" + properties.getProperty("version") + "/axe.min.js";
			try (InputStream script = loader.getResourceAsStream(path)) {
				return new String(script.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException | NullPointerException e) {
			throw new IllegalStateException("axe-core's WebJar is not on the test classpath", e);
		}
	}

}
