package org.entente.worktime;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of wall-clock time during which a clock does not run, closed-open: {@code [from, to)}. A null
 * {@code to} means the clock is still paused (e.g. the ticket is still waiting for the collège).
 */
public record Pause(Instant from, Instant to) {

	public Pause {
		Objects.requireNonNull(from, "une pause a un début");
		if (to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("la pause finit (" + to + ") avant de commencer (" + from + ")");
		}
	}

	/** A pause that has not ended yet. */
	public static Pause since(Instant from) {
		return new Pause(from, null);
	}

	public boolean isOpen() {
		return to == null;
	}
}
