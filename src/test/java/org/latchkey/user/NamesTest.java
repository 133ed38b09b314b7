package org.latchkey.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.latchkey.text.Text;

class NamesTest {

    @Test
    void namesInAnyScriptPassAndCharactersThatReorderOrBreakTheLineDoNot() {
        for (String name : new String[] {"Ada", "Zoë 🚀", "O'Brien", "محمد", "Иван", "李", "👩‍💻 Dev", "क्‍ष"}) {
            assertEquals(Optional.empty(), Names.problem("first_name", name), name);
        }
        for (String name : new String[] {"Ada\u202Emoc.knab", "A\u2066b", "A\u200Fb", "A\u061Cb", "Line\u2028two",
                "Para\u2029two", "Tab\tbed", "Nul\0", "Bell\u0007", "Del\u007F", "C1\u0085"}) {
            assertEquals(Optional.of(Text.of("register.first_name.unprintable")), Names.problem("first_name", name),
                    name.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString());
        }
        assertEquals(Optional.of(Text.of("register.last_name.required")), Names.problem("last_name", ""));
        assertEquals(Optional.of(Text.of("register.last_name.tooLong", 150)), Names.problem("last_name", "x".repeat(151)));
        assertEquals(Optional.empty(), Names.problem("last_name", "x".repeat(150)));
    }
}
