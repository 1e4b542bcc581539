package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's network, a partnership's page and the statistics in a real browser, on
 * the demo's data: one browser signed in as {@code nevers} for the class (signing in is
 * the slow part), one at 375 px for the open data.
 */
@ExtendWith(RunningStack.Extension.class)
class ConsoleNetworkIT {

	/**
	 * What the API lists, read by the page's own fetch: the ids, or those whose partners
	 * all have a place.
	 */
	static final String PARTNERSHIP_IDS = """
			const done = arguments[arguments.length - 1];
			fetch('/api/partnerships?size=200').then(r => r.json()).then(page => done(page.content
			  .filter(p => !arguments[0] || p.partners.every(x => x.latitude != null))
			  .map(p => p.id)));
			""";

	static Browser browser;

	@BeforeAll
	static void signIn(RunningStack stack) {
		assertThat(stack.process.isAlive()).isTrue();
		browser = Browser.wide().signIn("nevers");
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void inEnglish() {
		browser.open("#/network");
		new Select(browser.find("language")).selectByValue("en");
	}

	@Test
	void theMapDrawsEachPartnershipOnceBetweenItsTownsAndTheListNamesEveryOne() throws Exception {
		browser.open("#/network");
		browser.find("map");

		List<String> placed = ids(true);
		assertThat(placed).as("the demo's five partnerships, each between two placed towns")
			.hasSizeGreaterThanOrEqualTo(5);
		assertThat(dataIds("partnership-line")).containsExactlyInAnyOrderElementsOf(placed);
		assertThat(dataIds("partnership-row")).containsExactlyInAnyOrderElementsOf(ids(false));
		assertThat(browser.find("legend").getText()).contains("Active (solid line)", "Dormant (dashed line)");
		browser.assertAccessible();
		browser.screenshot("network");
	}

	@Test
	void inSerbianCyrillicTheLabelsAndTheSerbianTownsAreCyrillic() throws Exception {
		browser.find("map");

		new Select(browser.find("language")).selectByValue("sr-Cyrl");

		browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Мрежа партнерстава"));
		browser.find("map");
		assertThat(browser.find("nav-stats").getText()).isEqualTo("Статистика");
		assertThat(browser.driver.findElements(By.cssSelector("[data-test='town'] text"))
			.stream()
			.map(town -> town.getDomProperty("textContent"))).contains("Ниш", "Крагујевац", "Сремска Митровица");
		assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("sr-Cyrl");
		browser.assertAccessible();
		browser.screenshot("network-sr-Cyrl");
	}

	@Test
	void aPartnerChangesItsPartnershipsStatusAndIsToldWhenSomeoneChangedItFirst() throws Exception {
		String id = (String) browser.driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/api/partnerships?size=200').then(r => r.json()).then(page => done(page.content
				  .find(p => p.status !== 'ENDED' && p.partners.some(x => x.code === 'FR-NEVERS')).id));
				""");
		browser.open("#/partnerships/" + id);
		String before = browser.find("partnership-status").getDomAttribute("data-status");
		String offered = "ACTIVE".equals(before) ? "dormancy" : "reactivation";
		String back = "ACTIVE".equals(before) ? "reactivation" : "dormancy";
		browser.find(offered);
		// the same change from another tab, first
		browser.driver.executeAsyncScript("""
				const [id, change, done] = arguments;
				import('/console/api.js').then(async ({ api }) => {
				  const now = await api('/api/partnerships/' + id);
				  await api('/api/partnerships/' + id + '/' + change,
				    { method: 'POST', body: { reason: 'Changed in another tab' }, etag: now.headers.get('ETag') });
				  done(true);
				});
				""", id, offered);

		browser.find("reason").sendKeys("Changed in this tab");
		browser.find(offered).click();

		assertThat(browser.find("problem").getText())
			.contains("Someone changed this partnership while you were reading it");
		assertThat(browser.find("partnership-status").getDomAttribute("data-status")).isNotEqualTo(before);
		browser.assertAccessible();
		// as it was: the demo's story (a plan's signing reactivates it) stays for the
		// other tests
		browser.find("reason").clear();
		browser.find("reason").sendKeys("Back as it was");
		browser.find(back).click();
		browser.wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-test='partnership-status']"),
				"data-status", before));
	}

	@Test
	void whoActsForNoneOfItsPartnersSeesWhyTheyMayNotChangeIt() {
		String id = (String) browser.driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/api/partnerships?country=RS&size=200').then(r => r.json()).then(page => done(page.content
				  .find(p => p.status !== 'ENDED' && !p.partners.some(x => x.code === 'FR-NEVERS')).id));
				""");
		browser.open("#/partnerships/" + id);

		assertThat(browser.find("why-not").getText()).contains("Only the representatives of", "you act for FR-NEVERS");
		assertThat(browser.driver.findElements(By.cssSelector("[data-test='dormancy'], [data-test='reactivation']")))
			.isEmpty();
	}

	@Test
	void atPhoneWidthTheStatisticsOfAYearAndTheNetworkFitWithoutScrollingSideways() throws Exception {
		try (Browser phone = Browser.narrow()) {
			// headless chromium keeps its window at least 500 px wide: the page is laid
			// out at 375 px as a phone's
			phone.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
			phone.open("#/stats");
			new Select(phone.find("year")).selectByValue("2020");
			phone.find("year-show").click();

			phone.wait.until(ExpectedConditions.urlContains("#/stats?year=2020"));
			// the demo's 2020 plan: one bar and one row for each status of plans
			WebElement table = phone.find("table-plans");
			assertThat(phone.find("chart-plans").findElements(By.cssSelector("[data-test='bar']")))
				.hasSameSizeAs(table.findElements(By.cssSelector("tbody tr")));
			assertThat((Long) phone.driver.executeScript("return document.documentElement.clientWidth"))
				.isLessThanOrEqualTo(375L);
			assertThat(sidewaysScroll(phone)).isZero();
			phone.assertAccessible();
			phone.screenshot("stats-2020-375px");

			phone.open("#/network");
			phone.find("map");
			assertThat(sidewaysScroll(phone)).isZero();
			phone.assertAccessible();
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> ids(boolean placedOnly) {
		return (List<String>) browser.driver.executeAsyncScript(PARTNERSHIP_IDS, placedOnly);
	}

	private static List<String> dataIds(String name) {
		return browser.driver.findElements(By.cssSelector("[data-test='" + name + "']"))
			.stream()
			.map(element -> element.getDomAttribute("data-id"))
			.toList();
	}

	private static long sidewaysScroll(Browser in) {
		return (Long) in.driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
	}

}
