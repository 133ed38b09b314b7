package org.latchkey.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** "Reset your password": the address to send the link to. */
public final class ResetPage {

    private final Chromium browser;

    private ResetPage(Chromium browser) {
        this.browser = browser;
    }

    public static ResetPage at(Chromium browser) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reset_form")));
        browser.screenshot("password-reset");
        return new ResetPage(browser);
    }

    public ResetPage send(String email) {
        browser.driver().findElement(By.id("email")).sendKeys(email);
        browser.driver().findElement(By.id("send")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages li")));
        return at(browser);
    }

    public List<String> messages() {
        return browser.driver().findElements(By.cssSelector("#messages li")).stream().map(WebElement::getText).toList();
    }
}
