package org.entente.reporting.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.entente.convention.Conventions;
import org.entente.convention.Reporting;
import org.entente.notification.MailRequested;
import org.entente.notification.MailRequested.MailAttachment;
import org.entente.reporting.MonthlyStatisticsProduced;
import org.entente.worktime.WorkTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly statistics as produced and kept: each production is stored with the convention version it used; a
 * closed month's figures do not change unless a new production is asked for (it is kept beside the earlier ones),
 * and a month whose convention version changed is produced again the next time it is asked. The mail to the
 * convention file's recipients carries the PDF and the XLSX, published in the producing transaction.
 */
@Service
class StatisticsProduction {

	static final String SYSTEM = "système";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A production and whether this call made it. */
	record Produced(StatisticsStore.Stored stored, boolean created) {
	}

	private final MonthlyStatistics statistics;
	private final StatisticsStore store;
	private final StatisticsFiles files;
	private final Conventions conventions;
	private final WorkTime workTime;
	private final ApplicationEventPublisher events;

	StatisticsProduction(MonthlyStatistics statistics, StatisticsStore store, StatisticsFiles files, Conventions conventions,
			WorkTime workTime, ApplicationEventPublisher events) {
		this.statistics = statistics;
		this.store = store;
		this.files = files;
		this.conventions = conventions;
		this.workTime = workTime;
		this.events = events;
	}

	YearMonth currentMonth() {
		return YearMonth.now(workTime.calendar().zone());
	}

	/**
	 * The month's production with the convention version in force: the stored one unless {@code again}, otherwise a
	 * new one (kept beside the others). A month not yet over is not produced (409).
	 */
	@Transactional
	Produced produce(YearMonth month, String by, boolean again) {
		if (!month.isBefore(currentMonth())) {
			throw org.entente.common.ProblemException.conflict("Mois en cours",
					"Le mois « " + month + " » n'est pas terminé : ses statistiques se produisent à partir du mois suivant.");
		}
		String version = conventions.current().version();
		var existing = store.latest(month.toString(), version);
		if (existing.isPresent() && !again) {
			return new Produced(existing.get(), false);
		}
		Monthly m = statistics.of(month);
		Instant now = Instant.now();
		long id = store.insert(month.toString(), version, now, by, JSON.writeValueAsString(m));
		events.publishEvent(new MonthlyStatisticsProduced(month.toString(), version, id, by, now));
		return new Produced(store.latest(month.toString(), version).orElseThrow(), true);
	}

	/**
	 * The figures of a month: for a closed month, its latest production when there is one (they do not change
	 * afterwards); otherwise computed now.
	 */
	@Transactional(readOnly = true)
	Monthly figures(YearMonth month) {
		if (month.isBefore(currentMonth())) {
			var stored = store.latest(month.toString(), null);
			if (stored.isPresent()) {
				return read(stored.get());
			}
		}
		return statistics.of(month);
	}

	Monthly read(StatisticsStore.Stored s) {
		return JSON.readValue(s.body(), Monthly.class);
	}

	Reporting reporting() {
		return conventions.current().reporting();
	}

	/** Mails the production to the convention file's recipients, with its PDF and XLSX; false when none is named. */
	@Transactional
	boolean mail(StatisticsStore.Stored s) {
		Reporting r = reporting();
		if (r.recipients().isEmpty()) {
			return false;
		}
		Monthly m = read(s);
		String name = StatisticsFiles.monthName(s.month());
		String text = "Bonjour,\n\nVoici les statistiques de la maintenance et de l'assistance des collèges pour " + name
				+ " (" + r.clause() + "), produites le " + s.producedAt().atZone(workTime.calendar().zone()).toLocalDate()
				+ " avec la version " + s.conventionVersion() + " de la convention.\n\n" + m.opened() + " demandes ouvertes, "
				+ m.closed() + " closes, " + m.backlogAtEnd() + " en cours à la fin du mois.\n\nLe détail est dans les pièces jointes (PDF et classeur XLSX).\n\nEntente";
		String base = "statistiques-" + s.month();
		events.publishEvent(new MailRequested(java.util.UUID.randomUUID(), r.recipients(),
				"Statistiques de l'assistance — " + name, text, null,
				List.of(new MailAttachment(base + ".pdf", StatisticsFiles.PDF, files.pdf(m, r.indicators())),
						new MailAttachment(base + ".xlsx", StatisticsFiles.XLSX, files.xlsx(m, r.indicators()))),
				"REPORTING"));
		return true;
	}
}
