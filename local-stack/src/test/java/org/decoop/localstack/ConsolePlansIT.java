package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's action plans, partner searches, funding calls, inbox and subscriptions in
 * a real browser, on the demo: who may not sign sees why; the Embassy and SKGO sign the
 * 2020 plan in two browsers and SKGO's open inbox shows it, live; a refused funding line
 * is shown at its amount; axe-core finds nothing serious or critical on these pages.
 */
@ExtendWith(RunningStack.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePlansIT {

	/** What the demo printed: "demo loaded: …, plan <id> (DRAFT), …, inbox <id>". */
	private static final Pattern DEMO = Pattern.compile("demo loaded: .*plan ([0-9a-f-]{36}).*inbox ([0-9a-f-]{36})");

	private static String plan;

	private static String inbox;

	@BeforeAll
	static void theDemo(RunningStack stack) {
		Matcher demo = stack.output.stream()
			.map(DEMO::matcher)
			.filter(Matcher::find)
			.findFirst()
			.orElseThrow(() -> new AssertionError("the stack loaded no demo"));
		plan = "#/plans/" + demo.group(1);
		inbox = "#/inbox?subscription=" + demo.group(2);
	}

	@Test
	@Order(1)
	void neversCannotSignForSkgoAndSeesWhy() {
		try (Browser nevers = Browser.wide()) {
			nevers.signIn("nevers");
			nevers.open(plan).find("parties");

			WebElement sign = nevers.driver.findElement(By.cssSelector("[data-test=sign-plan][data-party=SKGO]"));
			assertThat(sign.isEnabled()).isFalse();
			assertThat(nevers.driver.findElement(By.id(sign.getDomAttribute("aria-describedby"))).getText())
				.isEqualTo("Only SKGO’s representatives sign for SKGO.");
		}
	}

	@Test
	@Order(2)
	void skgoAndTheEmbassySignThe2020PlanAndSkgosOpenInboxShowsItWithoutAReload() throws Exception {
		try (Browser skgo = Browser.wide(); Browser embassy = Browser.wide()) {
			skgo.signIn("skgo");
			embassy.signIn("embassy");
			skgo.open(plan);
			sign(skgo, "SKGO");
			skgo.open(inbox);
			skgo.wait.until(
					ExpectedConditions.attributeToBe(By.cssSelector("[data-test=inbox-live]"), "data-state", "live"));

			embassy.open(plan);
			sign(embassy, "AMBAFRANCE-RS");

			// the last signature: the plan is signed, and Nevers – Sremska Mitrovica,
			// dormant, is active again
			assertThat(arrived(skgo, "PlanSigned")).contains("Akcioni plan 2020");
			assertThat(arrived(skgo, "PartnershipReactivated")).contains("Nevers");
			skgo.assertAccessible();
			skgo.screenshot("inbox");
		}
	}

	@Test
	void aFundingLineOverItsCallsCapShowsThe422AtItsAmount() {
		try (Browser skgo = Browser.wide()) {
			skgo.signIn("skgo");
			skgo.open("#/plans/new").find("draft-form");
			WebElement amount = skgo.driver.findElement(By.name("activities[0].funding[0].amountEur"));
			skgo.driver.findElement(By.name("title")).sendKeys("Over the cap");
			skgo.driver.findElement(By.name("parties[1].code")).sendKeys("AMBAFRANCE-RS");
			skgo.driver.findElement(By.name("parties[1].name")).sendKeys("Ambassade de France en Serbie");
			skgo.driver.findElement(By.name("activities[0].title")).sendKeys("Youth exchange");
			new Select(skgo.driver.findElement(By.name("activities[0].theme"))).selectByValue("YOUTH");
			amount.sendKeys("25000");
			// the demo's call: at most 20 000 EUR per activity
			new Select(skgo.driver.findElement(By.name("activities[0].funding[0].callId"))).selectByIndex(1);
			skgo.find("submit-plan").click();

			WebElement problem = skgo.find("field-problem");
			assertThat(problem.getDomAttribute("data-field")).isEqualTo("activities[0].funding[0].amountEur");
			assertThat(problem.getText()).contains("20000");
			assertThat(amount.getDomAttribute("aria-invalid")).isEqualTo("true");
			skgo.assertAccessible();
		}
	}

	@Test
	void thePagesOfPlansSearchesCallsTheInboxAndSubscriptionsHaveNoSeriousAccessibilityViolation() throws Exception {
		try (Browser skgo = Browser.wide()) {
			skgo.signIn("skgo");
			for (String[] page : new String[][] { { "#/plans?year=2020", "plans" }, { plan, "parties" },
					{ "#/plans/new", "draft-form" }, { "#/searches", "searches" }, { "#/calls", "calls" },
					{ inbox, "inbox-item" }, { "#/subscriptions", "create-subscription" } }) {
				skgo.open(page[0]).find(page[1]);
				skgo.assertAccessible();
			}
			skgo.screenshot("calls");
			skgo.open("#/searches").find("search-link").click();
			skgo.find("search-status");
			skgo.assertAccessible();
			skgo.open(plan).find("parties");
			skgo.screenshot("plan");
		}
	}

	private static void sign(Browser browser, String party) {
		browser.wait
			.until(ExpectedConditions
				.elementToBeClickable(By.cssSelector("[data-test=sign-plan][data-party='" + party + "']")))
			.click();
		browser.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("[data-party='" + party + "'] [data-test=signed]")));
	}

	/**
	 * The inbox's entry of that event type, once it has arrived (through Kafka: a few
	 * seconds).
	 */
	/**
	 * The text of the inbox's item of that type once it is there. The inbox draws its
	 * list again at each event, so an item found may be replaced before it is read: it is
	 * looked up again until read.
	 */
	private static String arrived(Browser browser, String eventType) {
		By item = By.cssSelector("[data-test=inbox-item][data-event-type=" + eventType + "]");
		return new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(driver -> driver.findElements(item).stream().findFirst().map(WebElement::getText).orElse(null));
	}

}
