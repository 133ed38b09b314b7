package org.latchkey.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Latchkey's registration form. */
public final class RegisterPage {

    private final Chromium browser;

    private RegisterPage(Chromium browser) {
        this.browser = browser;
    }

    public static RegisterPage at(Chromium browser) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("register_form")));
        browser.screenshot("register");
        return new RegisterPage(browser);
    }

    public String next() {
        return browser.driver().findElement(By.id("next")).getAttribute("value");
    }

    public void register(String firstName, String lastName, String email, String password, String confirm) {
        type("first_name", firstName);
        type("last_name", lastName);
        type("email", email);
        type("password", password);
        type("confirm_password", confirm);
        browser.driver().findElement(By.id("register")).click();
    }

    /** The messages shown inside the field's own block, under its input. */
    public List<String> errorsAt(String field) {
        WebElement block = browser.driver().findElement(By.id(field)).findElement(By.xpath("./ancestor::div[@class='field'][1]"));
        return block.findElements(By.cssSelector(".field-error li")).stream().map(WebElement::getText).toList();
    }

    public List<String> summary() {
        return browser.driver().findElements(By.cssSelector("#messages li")).stream().map(WebElement::getText).toList();
    }

    public String value(String field) {
        return browser.driver().findElement(By.id(field)).getAttribute("value");
    }

    private void type(String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
