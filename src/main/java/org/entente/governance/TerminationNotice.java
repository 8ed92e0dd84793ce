package org.entente.governance;

import java.time.LocalDate;

/** A registered letter ending the convention (article 7): the notice runs from the day it was received. */
public record TerminationNotice(LocalDate receivedOn, String sender, String reason) {
}
