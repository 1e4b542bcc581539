package org.decoop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Signing in to the console in a real browser, on the whole stack: Keycloak's own form,
 * the gateway's session, the way out and the way back after the session is lost.
 */
@ExtendWith(RunningStack.Extension.class)
class ConsoleLoginIT {

	@BeforeAll
	static void stackRuns(RunningStack stack) {
		assertThat(stack.process.isAlive()).isTrue();
	}

	@Test
	void neversSignsInThroughKeycloaksFormAndSeesWhoIsSignedIn() throws Exception {
		try (Browser browser = Browser.wide()) {
			browser.signIn("nevers");

			assertThat(browser.find("who").getText()).contains("Ville de Nevers");
			assertThat(browser.driver.getCurrentUrl()).startsWith(Browser.CONSOLE);
			browser.assertAccessible();
			browser.screenshot("signed-in");
		}
	}

	@Test
	void signingOutEndsKeycloaksSessionToo() throws Exception {
		try (Browser browser = Browser.wide()) {
			browser.signIn("nevers");

			browser.find("sign-out").click();

			// back on the console, signed out; signing in again asks for the password
			browser.wait.until(driver -> driver.getCurrentUrl().startsWith(Browser.CONSOLE));
			browser.find("sign-in").click();
			browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
		}
	}

	@Test
	void aLostSessionSendsThePersonToSignInAndBackToTheSamePage() throws Exception {
		try (Browser browser = Browser.narrow()) {
			browser.signIn("nevers");
			// the gateway's session is gone (expired, or the gateway restarted)
			browser.driver.manage().deleteCookieNamed("SESSION");

			// the subscriptions need a token: the API answers 401, the console signs in
			// again (Keycloak still knows the browser: no form) and comes back
			browser.open("#/subscriptions");

			browser.awaitSignedIn("nevers");
			browser.wait.until(ExpectedConditions.urlToBe(Browser.CONSOLE + "#/subscriptions"));
			browser.assertAccessible();
			browser.screenshot("subscriptions-375px");
		}
	}

}
