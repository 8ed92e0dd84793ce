package org.entente.convention;

import java.time.Duration;
import java.time.Period;
import java.util.List;

/** The data-protection annex: controller, retention after departure, breach notification, officers. */
public record DataProtection(String clause, String controller, Period destructionAfterDeparture,
		BreachNotification breachNotification, List<SecurityIncidentRules.Contact> officers,
		List<Processing> processing, List<String> subjects) {

	/**
	 * §6: the party {@code by} notifies {@code to} within {@code within} (elapsed hours) of becoming aware; reminders
	 * fall after {@code reminders} from awareness; {@code authority} is the controller's own deadline towards the
	 * supervisory authority (GDPR art. 33(1)), shown as information.
	 */
	public record BreachNotification(Duration within, String to, String by, String clause, List<Duration> reminders,
			Authority authority) {

		public BreachNotification {
			reminders = reminders == null ? List.of() : List.copyOf(reminders);
		}
	}

	/** The controller's notification to the supervisory authority (the CNIL), with its delay and its legal source. */
	public record Authority(String name, Duration within, String controller, String clause) {
	}

	public record Processing(String purpose, List<String> data) {
	}
}
