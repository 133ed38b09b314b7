package org.latchkey.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** One person's page for superusers: their account, roles and sign-ins. */
public final class PersonPage {

    private final Chromium browser;

    private PersonPage(Chromium browser) {
        this.browser = browser;
    }

    public static PersonPage at(Chromium browser, String name) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("person_form")));
        browser.screenshot(name);
        return new PersonPage(browser);
    }

    public String status() {
        return text("status");
    }

    public String email() {
        return text("email");
    }

    public List<String> messages() {
        return browser.driver().findElements(By.cssSelector("#messages li")).stream().map(WebElement::getText).toList();
    }

    /** Each sign-in's first line: "browser, system". */
    public List<String> signIns() {
        return browser.driver().findElements(By.cssSelector("table.sign-ins tbody tr td:first-child")).stream()
                .map(cell -> cell.getText().split("\n")[0]).toList();
    }

    /** Presses a button by id ({@code staff}, {@code superuser}, {@code deactivate}, {@code end_all}, …). */
    public PersonPage press(String button, String name) {
        WebElement element = browser.driver().findElement(By.id(button));
        element.click();
        browser.waitUntilReplaced(element);
        return at(browser, name);
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }
}
