package org.latchkey.browser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Latchkey's sign-in form. */
public final class LoginPage {

    private final Chromium browser;

    private LoginPage(Chromium browser) {
        this.browser = browser;
    }

    /** Waits for the form, and saves a screenshot of it. */
    public static LoginPage at(Chromium browser) {
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login_form")));
        browser.screenshot("login");
        return new LoginPage(browser);
    }

    public String next() {
        return browser.driver().findElement(By.id("next")).getAttribute("value");
    }

    public RegisterPage createAnAccount() {
        browser.driver().findElement(By.id("register_link")).click();
        return RegisterPage.at(browser);
    }

    public ResetPage forgotPassword() {
        browser.driver().findElement(By.id("reset_link")).click();
        return ResetPage.at(browser);
    }

    public void signIn(String email, String password) {
        field("email").clear();
        field("email").sendKeys(email);
        field("password").sendKeys(password);
        browser.driver().findElement(By.id("login")).click();
    }

    /** Only the keyboard: the email field has focus when the page opens; Tab to the password; Enter submits. */
    public void signInWithKeyboard(String email, String password) {
        WebElement focused = browser.driver().switchTo().activeElement();
        if (!"email".equals(focused.getAttribute("id"))) {
            throw new AssertionError("the email field should have focus when the sign-in page opens");
        }
        focused.sendKeys(email, Keys.TAB);
        browser.driver().switchTo().activeElement().sendKeys(password, Keys.ENTER);
    }

    public List<String> messages() {
        return browser.driver().findElements(By.cssSelector("#messages li")).stream().map(WebElement::getText).toList();
    }

    public String registerLinkNext() {
        String href = browser.driver().findElement(By.id("register_link")).getAttribute("href");
        int at = href.indexOf("next=");
        return at < 0 ? "" : URLDecoder.decode(href.substring(at + 5), StandardCharsets.UTF_8);
    }

    private WebElement field(String id) {
        return browser.driver().findElement(By.id(id));
    }
}
