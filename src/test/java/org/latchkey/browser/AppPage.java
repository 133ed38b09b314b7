package org.latchkey.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The downstream service's page for people (it trusts Latchkey's cookie through the consumer jar). */
public final class AppPage {

    private final Chromium browser;

    private AppPage(Chromium browser) {
        this.browser = browser;
    }

    public static AppPage at(Chromium browser) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
        browser.screenshot("app");
        return new AppPage(browser);
    }

    public String greeting() {
        return browser.driver().findElement(By.id("greeting")).getText();
    }
}
