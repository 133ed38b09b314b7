package org.latchkey.reset;

import java.time.Duration;

/** @param lifetime how long a reset link works ({@code latchkey.reset.lifetime}, default PT30M) */
public record ResetSettings(Duration lifetime) {
}
