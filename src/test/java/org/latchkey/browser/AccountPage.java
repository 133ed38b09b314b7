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

    /** Each sign-in's row: "browser · system | address | started | last used | …". */
    public java.util.List<String> signIns() {
        return browser.driver().findElements(By.cssSelector("table.sign-ins tbody tr")).stream()
                .map(row -> row.findElement(By.cssSelector(".browser")).getText() + " · "
                        + row.findElement(By.cssSelector(".system")).getText() + " | "
                        + row.findElement(By.cssSelector(".address")).getText())
                .toList();
    }

    /** Scrolls to "Where you're signed in" and takes its picture. */
    public AccountPage showSignIns(String name) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.querySelector('h2 + p + form#sign_ins_form, #sign_ins_form').scrollIntoView()");
        browser.screenshot(name);
        return this;
    }

    public String thisDeviceBrowser() {
        return browser.driver().findElement(By.cssSelector("table.sign-ins tr.current .browser")).getText();
    }

    /** Presses "Sign out this one" on the row of that browser. */
    public AccountPage endOtherSignIn(String browserName) {
        for (org.openqa.selenium.WebElement row : browser.driver().findElements(By.cssSelector("table.sign-ins tbody tr"))) {
            if (row.findElement(By.cssSelector(".browser")).getText().equals(browserName)) {
                org.openqa.selenium.WebElement button = row.findElement(By.cssSelector("input.end-sign-in"));
                button.click();
                browser.waitUntilReplaced(button); // the answer replaced the page
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages li")));
                return at(browser);
            }
        }
        throw new AssertionError("no sign-in of " + browserName + " in " + signIns());
    }

    /** Fills "Your name" and saves it; the page comes back with the new name. */
    public AccountPage changeName(String first, String last) {
        org.openqa.selenium.WebElement firstName = browser.driver().findElement(By.id("first_name"));
        firstName.clear();
        firstName.sendKeys(first);
        org.openqa.selenium.WebElement lastName = browser.driver().findElement(By.id("last_name"));
        lastName.clear();
        lastName.sendKeys(last);
        browser.screenshot("name-typed");
        org.openqa.selenium.WebElement button = browser.driver().findElement(By.id("change_name"));
        button.click();
        browser.waitUntilReplaced(button);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages li")));
        return at(browser);
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
