package org.entente.privacy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.entente.convention.Convention;
import org.entente.convention.Conventions;
import org.entente.convention.RetentionRule;
import org.springframework.stereotype.Component;

/**
 * The convention's retention rules as the purge applies them: a person's destruction date is the departure plus the
 * period of {@code IDENTITIES} (annexe §8 : quatre mois), in calendar months.
 */
@Component
class RetentionPolicy {

	static final String IDENTITIES = "IDENTITIES";

	/** The starting point of a period counted from the data's receipt (convention file, {@code after}). */
	static final String RECEIPT = "RECEIPT";

	private final Conventions conventions;
	private final Clock clock;

	RetentionPolicy(Conventions conventions, Clock clock) {
		this.conventions = conventions;
		this.clock = clock;
	}

	/**
	 * Departure plus {@code period} in calendar months: the same day, or the last day of the month when it has no
	 * such day (31 October + P4M gives 28 or 29 February).
	 */
	static LocalDate destroyBy(LocalDate departedOn, Period period) {
		return departedOn == null ? null : departedOn.plus(period);
	}

	LocalDate destroyBy(LocalDate departedOn) {
		return destroyBy(departedOn, afterDeparture());
	}

	Period afterDeparture() {
		Convention c = convention();
		return rule(IDENTITIES).map(RetentionRule::period)
			.or(() -> Optional.ofNullable(c.dataProtection()).map(d -> d.destructionAfterDeparture()))
			.orElse(Period.ofMonths(4));
	}

	Optional<RetentionRule> rule(String category) {
		return rules().stream().filter(r -> r.category().equals(category)).findFirst();
	}

	/**
	 * Data kept as received and destroyed when its own period ends, counted from its receipt, never per person: the
	 * connection-log journal ({@code CONNECTION_LOGS}, one year, décret 2021-1362), whose lines are given to the
	 * Académie raw and unmodified and form an append-only chain. The purge and the register say so.
	 */
	List<RetentionRule> notPerPerson() {
		return rules().stream().filter(r -> RECEIPT.equals(r.after())).toList();
	}

	/** « journaux de connexion … : détruits à l'échéance de conservation (1 an), non par personne ». */
	static String notPerPersonText(RetentionRule r) {
		return r.label() + " : détruits à l'échéance de conservation (" + french(r.period()) + "), non par personne";
	}

	/** P1Y → « 1 an », P4M → « 4 mois », P1Y6M → « 1 an 6 mois ». */
	static String french(Period p) {
		List<String> parts = new java.util.ArrayList<>();
		if (p.getYears() != 0) {
			parts.add(p.getYears() + (Math.abs(p.getYears()) > 1 ? " ans" : " an"));
		}
		if (p.getMonths() != 0) {
			parts.add(p.getMonths() + " mois");
		}
		if (p.getDays() != 0 || parts.isEmpty()) {
			parts.add(p.getDays() + (Math.abs(p.getDays()) > 1 ? " jours" : " jour"));
		}
		return String.join(" ", parts);
	}

	List<RetentionRule> rules() {
		return convention().retention();
	}

	Convention convention() {
		return conventions.current();
	}

	ZoneId zone() {
		return ZoneId.of(convention().calendar().zone());
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone()));
	}
}
