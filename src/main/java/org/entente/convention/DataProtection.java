package org.entente.convention;

import java.time.Duration;
import java.time.Period;
import java.util.List;

/** The data-protection annex: controller, retention after departure, breach notification, officers. */
public record DataProtection(String clause, String controller, Period destructionAfterDeparture,
		BreachNotification breachNotification, List<SecurityIncidentRules.Contact> officers,
		List<Processing> processing, List<String> subjects) {

	public record BreachNotification(Duration within, String to, String by, String clause) {
	}

	public record Processing(String purpose, List<String> data) {
	}
}
