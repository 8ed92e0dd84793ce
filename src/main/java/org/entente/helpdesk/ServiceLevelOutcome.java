package org.entente.helpdesk;

/**
 * How one service-level clock of a closed ticket ended: {@code clock} the convention's code (TAKE_CHARGE,
 * RESTORATION, DATA_RESTORE), {@code binding} whether it was a commitment of a responsible party (an indicative
 * time otherwise), {@code met} whether its step was reached within the deadline, {@code workingMinutes} the working
 * time from the opening to the step, pauses excluded.
 */
public record ServiceLevelOutcome(String clock, boolean binding, boolean met, long workingMinutes) {
}
