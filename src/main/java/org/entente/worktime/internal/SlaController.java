package org.entente.worktime.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.entente.common.ProblemException;
import org.entente.worktime.Criticality;
import org.entente.worktime.SlaDeadlines;
import org.entente.worktime.WorkTime;
import org.entente.worktime.WorkingCalendar;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The convention's deadlines for an unavailability opened at a given time. Any authenticated user may ask: the API
 * security chain requires authentication for {@code /api/**} and nothing here is confidential.
 */
@RestController
@RequestMapping("/api/v1/sla")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Délais", description = "Échéances de la convention selon le calendrier ouvré")
class SlaController {

	/** The deadlines as ISO-8601 date-times with offset in the calendar's zone; null when none applies. */
	record DeadlinesView(String conventionVersion, String takeCharge, String restoration, String dataRestore) {

		static DeadlinesView of(SlaDeadlines d) {
			return new DeadlinesView(d.conventionVersion(), format(d.takeCharge()), format(d.restoration()),
					format(d.dataRestore()));
		}

		private static String format(OffsetDateTime time) {
			return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
		}
	}

	/** A query parameter that is missing or cannot be read, with the reason in French. */
	private static ProblemException invalid(String parameter, String reason) {
		return ProblemException.invalidParameter(parameter, reason);
	}

	private static ProblemException missing(String parameter, String hint) {
		return ProblemException.missingParameter(parameter, "Le paramètre « " + parameter + " » est obligatoire" + hint + ".");
	}

	private final WorkTime workTime;

	SlaController(WorkTime workTime) {
		this.workTime = workTime;
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Échéances d'une indisponibilité",
			description = "Prise en charge, rétablissement et restauration des données pour une indisponibilité ouverte à openedAt, selon sa criticité et le calendrier ouvré.")
	@GetMapping("/deadlines")
	DeadlinesView deadlines(@RequestParam(required = false) String openedAt,
			@RequestParam(required = false) String criticality) {
		OffsetDateTime opened = parseOpenedAt(openedAt);
		Criticality level = parseCriticality(criticality);
		try {
			return DeadlinesView.of(workTime.deadlines(opened, level));
		}
		catch (IllegalArgumentException e) {
			// The only argument the calendar can refuse here is a date outside the years it covers.
			throw invalid("openedAt", "La date « " + openedAt + " » est hors du calendrier ouvré ("
					+ WorkingCalendar.FIRST_YEAR + "–" + WorkingCalendar.LAST_YEAR + ").");
		}
	}

	private static OffsetDateTime parseOpenedAt(String value) {
		if (value == null || value.isBlank()) {
			throw missing("openedAt", ", par exemple 2025-10-24T08:00:00+02:00");
		}
		try {
			// An unencoded "+02:00" arrives as " 02:00": accept it rather than blame the caller's URL encoding.
			return OffsetDateTime.parse(value.trim().replace(' ', '+'));
		}
		catch (DateTimeParseException e) {
			throw invalid("openedAt", "La valeur « " + value
					+ " » n'est pas une date-heure ISO 8601 avec décalage, par exemple 2025-10-24T08:00:00+02:00.");
		}
	}

	private static Criticality parseCriticality(String value) {
		String allowed = Arrays.stream(Criticality.values()).map(Enum::name).collect(Collectors.joining(" ou "));
		if (value == null || value.isBlank()) {
			throw missing("criticality", " : " + allowed);
		}
		try {
			return Criticality.valueOf(value.trim());
		}
		catch (IllegalArgumentException e) {
			throw invalid("criticality",
					"La valeur « " + value + " » n'est pas une criticité connue : " + allowed + ".");
		}
	}
}
