package org.latchkey.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The superusers' list of people: a search, a kind, 50 a page. */
public final class UsersPage {

    private final Chromium browser;

    private UsersPage(Chromium browser) {
        this.browser = browser;
    }

    public static UsersPage at(Chromium browser, String name) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("users_form")));
        browser.screenshot(name);
        return new UsersPage(browser);
    }

    /** Types into the search field, presses Find. */
    public UsersPage search(String text) {
        WebElement field = browser.driver().findElement(By.id("q"));
        field.clear();
        field.sendKeys(text);
        WebElement button = browser.driver().findElement(By.id("search"));
        button.click();
        browser.waitUntilReplaced(button);
        return at(browser, "admin-search");
    }

    /** "Showing 1–1 of 1" */
    public String found() {
        return browser.driver().findElement(By.id("found")).getText();
    }

    /** Each row's address. */
    public List<String> emails() {
        return browser.driver().findElements(By.cssSelector("table.users tbody tr a.person")).stream()
                .map(WebElement::getText).toList();
    }

    public PersonPage open(String email) {
        browser.driver().findElement(By.linkText(email)).click();
        return PersonPage.at(browser, "person");
    }
}
