package org.latchkey.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Where a reset link leads: the new password, twice — or, for a dead link, only the way to ask again. */
public final class NewPasswordPage {

    private final Chromium browser;

    private NewPasswordPage(Chromium browser) {
        this.browser = browser;
    }

    public static NewPasswordPage at(Chromium browser) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("again_link")));
        browser.screenshot("new-password");
        return new NewPasswordPage(browser);
    }

    public boolean showsTheForm() {
        return !browser.driver().findElements(By.id("new_password_form")).isEmpty();
    }

    public void save(String password) {
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.id("confirm_password")).sendKeys(password);
        browser.driver().findElement(By.id("save")).click();
    }

    public List<String> messages() {
        return browser.driver().findElements(By.cssSelector("#messages li")).stream().map(WebElement::getText).toList();
    }
}
