package org.latchkey.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();
    private final Map<String, String> ada = new LinkedHashMap<>();

    {
        ada.put("attribute.first_name", "Ada");
        ada.put("attribute.last_name", "Lovelace");
        ada.put("attribute.email", "ada.lovelace@example.test");
    }

    @Test
    void acceptsAStrongPassword() {
        assertEquals(List.of(), policy.problems("violet-anchor-drizzle-42", ada));
    }

    @Test
    void refusesShort() {
        assertTrue(first("Xq7#p").contains("too short"));
    }

    @Test
    void refusesAllDigits() {
        assertTrue(first("8675309142").contains("entirely numeric"));
    }

    @Test
    void refusesCommon() {
        assertTrue(first("password1").contains("too common"), first("password1"));
        assertTrue(first("qwertyuiop").contains("too common") || first("qwertyuiop").contains("easy to guess"));
    }

    @Test
    void refusesSimilarToNameOrEmail() {
        assertTrue(first("lovelace1").contains("too similar to your last name"), first("lovelace1"));
        assertTrue(first("Ada.Lovelace").contains("too similar"), first("Ada.Lovelace"));
        assertTrue(first("ada.lovelace@example").contains("too similar"));
    }

    @Test
    void refusesEasyToGuessWithAHint() {
        String problem = first("aaaaaaaaaa");
        assertTrue(problem.contains("easy to guess") || problem.contains("too common"), problem);
    }

    @Test
    void handlesHugeInputQuickly() {
        assertTrue(first("a".repeat(10_000)).contains("too long"));
        assertEquals(List.of(), policy.problems("violet-anchor-" + "drizzle-".repeat(100), ada));
    }

    private String first(String password) {
        List<Text> problems = policy.problems(password, ada);
        assertTrue(!problems.isEmpty(), "expected a problem with " + password);
        return Texts.format(problems.get(0), Locale.ENGLISH);
    }
}
