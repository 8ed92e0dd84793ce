package org.entente.reporting.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.entente.common.ProblemException;
import org.entente.convention.Conventions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A month's statistics computed from the aggregates, with the convention version in force. */
@Service
class MonthlyStatistics {

	private final Figures figures;
	private final Conventions conventions;

	MonthlyStatistics(Figures figures, Conventions conventions) {
		this.figures = figures;
		this.conventions = conventions;
	}

	/** Reads {@code YYYY-MM}: a 400 naming {@code month} otherwise. */
	static YearMonth month(String value) {
		if (value == null || value.isBlank()) {
			throw ProblemException.missingParameter("month", "Le paramètre « month » (mois AAAA-MM, p. ex. 2026-03) est obligatoire.");
		}
		try {
			if (!value.matches("\\d{4}-\\d{2}")) {
				throw new DateTimeParseException("format", value, 0);
			}
			return YearMonth.parse(value);
		}
		catch (DateTimeParseException e) {
			throw ProblemException.invalidParameter("month", "« month » doit être un mois AAAA-MM (p. ex. 2026-03), pas « "
					+ value + " ».");
		}
	}

	@Transactional(readOnly = true)
	Monthly of(YearMonth month) {
		LocalDate from = month.atDay(1), to = month.atEndOfMonth();
		Figures.Filter all = Figures.Filter.ALL;
		Figures.Period p = figures.period(from, to, all);
		return new Monthly(month.toString(), conventions.current().version(), p.opened(), p.closed(),
				figures.backlogAt(to, all), p.byParty(), p.byEstablishment(), p.byComponent(),
				new Monthly.ServiceLevelFigures(level(TicketLine.TAKE_CHARGE, from, to), level(TicketLine.RESTORATION, from, to)),
				p.handBacks(), p.reopened(),
				new Monthly.Satisfaction(p.answers(), p.answers() == 0 ? null : round((double) p.ratingSum() / p.answers())),
				new Monthly.ServiceLevelFigures(level(TicketLine.INDICATIVE + TicketLine.TAKE_CHARGE, from, to),
						level(TicketLine.INDICATIVE + TicketLine.RESTORATION, from, to)));
	}

	private Monthly.Level level(String clock, LocalDate from, LocalDate to) {
		Figures.Histogram h = figures.histogram(clock, from, to, Figures.Filter.ALL);
		return new Monthly.Level(h.met(), h.breached(), h.quantile(0.5));
	}

	static double round(double v) {
		return Math.round(v * 100) / 100.0;
	}
}
