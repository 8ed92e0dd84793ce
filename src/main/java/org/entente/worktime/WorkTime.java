package org.entente.worktime;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.entente.convention.Convention;
import org.entente.convention.Conventions;
import org.entente.convention.ServiceLevels.Clock;
import org.springframework.stereotype.Service;

/**
 * Working time as the convention in force defines it: its calendar (rebuilt when an amendment changes the version)
 * and the deadlines of its service-level clocks. See {@link WorkingCalendar} for the exact definitions.
 */
@Service
public class WorkTime {

	/** The clock codes of the convention's part 4 ("Temps d'intervention et de rétablissement"). */
	public static final String TAKE_CHARGE = "TAKE_CHARGE";
	public static final String RESTORATION = "RESTORATION";
	public static final String DATA_RESTORE = "DATA_RESTORE";

	private record Built(Convention convention, WorkingCalendar calendar) {
	}

	private final Conventions conventions;
	private volatile Built built;

	public WorkTime(Conventions conventions) {
		this.conventions = conventions;
	}

	/** The calendar of the convention in force. */
	public WorkingCalendar calendar() {
		return built().calendar();
	}

	public Instant deadline(Instant start, Duration workingDuration, List<Pause> pauses) {
		return calendar().deadline(start, workingDuration, pauses);
	}

	public Duration workingTimeBetween(Instant from, Instant to, List<Pause> pauses) {
		return calendar().workingTimeBetween(from, to, pauses);
	}

	public Duration workingDays(BigDecimal days) {
		return calendar().workingDays(days);
	}

	/** The deadlines of the convention's clocks for an unavailability opened at {@code openedAt}. */
	public SlaDeadlines deadlines(OffsetDateTime openedAt, Criticality criticality) {
		return deadlines(openedAt, criticality, null);
	}

	/** Same, in the calendar of the party that must meet them when the convention gives it its own. */
	public SlaDeadlines deadlines(OffsetDateTime openedAt, Criticality criticality, String party) {
		Built b = built();
		if (criticality == Criticality.NON_CRITICAL) {
			return new SlaDeadlines(b.convention().version(), null, null, null);
		}
		WorkingCalendar calendar = party == null ? b.calendar() : b.calendar().forParty(party);
		Instant start = openedAt.toInstant();
		return new SlaDeadlines(b.convention().version(), deadline(b, calendar, TAKE_CHARGE, start),
				deadline(b, calendar, RESTORATION, start), deadline(b, calendar, DATA_RESTORE, start));
	}

	private static OffsetDateTime deadline(Built b, WorkingCalendar calendar, String clockCode, Instant start) {
		Clock clock = b.convention().serviceLevels().clock(clockCode);
		if (clock == null) {
			return null;
		}
		Instant deadline = calendar.deadline(start, calendar.workingDays(clock.workingDays()));
		return deadline.atZone(calendar.zone()).toOffsetDateTime();
	}

	private Built built() {
		Convention current = conventions.current();
		Built b = built;
		// Conventions keeps one immutable object per version: identity tells an amendment apart.
		if (b == null || b.convention() != current) {
			b = new Built(current, WorkingCalendar.of(current.calendar()));
			built = b;
		}
		return b;
	}
}
