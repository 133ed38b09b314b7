package org.latchkey.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Latchkey's account page, and the header every Latchkey page shows a signed-in person. */
public final class AccountPage {

    private final Chromium browser;

    private AccountPage(Chromium browser) {
        this.browser = browser;
    }

    public static AccountPage at(Chromium browser) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("password_form")));
        browser.screenshot("account");
        return new AccountPage(browser);
    }

    public java.util.List<String> messages() {
        return browser.driver().findElements(By.cssSelector("#messages li")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList();
    }

    public String headerName() {
        return browser.driver().findElement(By.id("header_user")).getText();
    }

    public String email() {
        return browser.driver().findElement(By.id("email")).getText();
    }

    public LogoutPage signOutFromHeader() {
        browser.driver().findElement(By.id("header_signout")).click();
        return LogoutPage.at(browser);
    }
}
