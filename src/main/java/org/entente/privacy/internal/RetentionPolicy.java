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
