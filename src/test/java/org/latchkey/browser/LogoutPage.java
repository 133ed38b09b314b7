package org.latchkey.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The confirmation page in front of signing out. */
public final class LogoutPage {

    private final Chromium browser;

    private LogoutPage(Chromium browser) {
        this.browser = browser;
    }

    public static LogoutPage at(Chromium browser) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("logout_form")));
        browser.screenshot("logout");
        return new LogoutPage(browser);
    }

    public String question() {
        return browser.driver().findElement(By.id("logout_question")).getText();
    }

    public void confirm() {
        browser.driver().findElement(By.id("logout")).click();
    }
}
