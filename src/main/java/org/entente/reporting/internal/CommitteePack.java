package org.entente.reporting.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.entente.common.PdfReport;
import org.entente.common.ProblemException;
import org.entente.convention.Committee;
import org.entente.convention.Conventions;
import org.entente.convention.PointToClarify;
import org.entente.policy.PolicyRevisionDue;
import org.entente.policy.PolicyRevisionsDue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A committee's pack for a meeting (article 4), from what Entente knows, fitted to its missions: every pack opens
 * with the committee's missions and the state of services over the period (openings, closures, backlog, service
 * levels, components in trouble); the exploitation committee gets the month-by-month trend; the strategic
 * committee the decisions awaiting it (policy revisions due, from {@code policy}) and the open points to clarify
 * (from the convention file). The evaluation committee's use of equipment (inventory) is not assembled yet.
 */
@Service
class CommitteePack {

	private final Conventions conventions;
	private final Figures figures;
	private final PolicyRevisionsDue revisions;

	CommitteePack(Conventions conventions, Figures figures, PolicyRevisionsDue revisions) {
		this.conventions = conventions;
		this.figures = figures;
		this.revisions = revisions;
	}

	/** The committee of the current convention with this code; 404 otherwise. */
	Committee committee(String code) {
		return conventions.current().committees().stream().filter(c -> c.code().equalsIgnoreCase(code)).findFirst()
			.orElseThrow(() -> ProblemException.notFound("Comité inconnu",
					"La convention en vigueur n'a pas de comité « " + code + " » (article 4)."));
	}

	@Transactional(readOnly = true)
	byte[] pdf(Committee c, LocalDate from, LocalDate to) {
		PdfReport pdf = PdfReport.titled("Dossier de séance — " + c.name())
			.paragraph("Période du " + from + " au " + to + " (" + c.clause() + "), convention version "
					+ conventions.current().version() + ". Dossier assemblé par Entente à partir des indicateurs de l'assistance"
					+ " et du fichier de convention.")
			.heading("Missions du comité");
		c.missions().forEach(m -> pdf.paragraph("– " + m));
		services(pdf, from, to);
		switch (c.code()) {
			case "EXPLOITATION" -> trend(pdf, from, to);
			case "STRATEGIC" -> decisions(pdf, to);
			case "EVALUATION" -> pdf.heading("Utilisation des équipements")
				.paragraph("Pas encore assemblé : l'inventaire et l'équité au regard du référentiel seront joints dans une version ultérieure.");
			default -> {
			}
		}
		return pdf.toBytes();
	}

	private void services(PdfReport pdf, LocalDate from, LocalDate to) {
		Figures.Period p = figures.period(from, to, Figures.Filter.ALL);
		pdf.heading("État des services rendus")
			.table(List.of("Indicateur", "Valeur"), List.of(
					List.of("Tickets ouverts", Long.toString(p.opened())),
					List.of("Tickets clos", Long.toString(p.closed())),
					List.of("En cours à la fin de la période", Long.toString(figures.backlogAt(to, Figures.Filter.ALL))),
					List.of("Renvois au niveau 1", Long.toString(p.handBacks())),
					List.of("Réouvertures", Long.toString(p.reopened())),
					List.of("Satisfaction", p.answers() == 0 ? "aucune réponse"
							: MonthlyStatistics.round((double) p.ratingSum() / p.answers()) + " / 5 (" + p.answers() + " réponses)")));
		List<List<String>> levels = new ArrayList<>();
		for (String clock : List.of(TicketLine.TAKE_CHARGE, TicketLine.RESTORATION)) {
			Figures.Histogram h = figures.histogram(clock, from, to, Figures.Filter.ALL);
			Double median = h.quantile(0.5), p90 = h.quantile(0.9);
			levels.add(List.of(TicketLine.TAKE_CHARGE.equals(clock) ? "Prise en charge et diagnostic" : "Rétablissement",
					Long.toString(h.met()), Long.toString(h.breached()),
					h.count() == 0 ? "–" : Math.round(100.0 * h.met() / h.count()) + " %",
					median == null ? "–" : Dashboard.hours(median) + " h", p90 == null ? "–" : Dashboard.hours(p90) + " h"));
		}
		pdf.heading("Niveaux de service (engagements des tickets clos)")
			.table(List.of("Horloge", "Tenus", "Dépassés", "Part tenue", "Médiane (h ouvrées)", "90e centile"), levels);
		List<org.entente.reporting.internal.Monthly.ComponentCounts> top = p.byComponent().stream().limit(10).toList();
		if (!top.isEmpty()) {
			pdf.bars("Composants les plus sollicités (tickets ouverts)", top.stream().map(Monthly.ComponentCounts::component).toList(),
					top.stream().map(Monthly.ComponentCounts::opened).toList());
		}
	}

	private void trend(PdfReport pdf, LocalDate from, LocalDate to) {
		List<List<String>> rows = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		List<Long> opened = new ArrayList<>();
		for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
			LocalDate a = m.atDay(1).isBefore(from) ? from : m.atDay(1), b = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
			Figures.Period p = figures.period(a, b, Figures.Filter.ALL);
			rows.add(List.of(m.toString(), Long.toString(p.opened()), Long.toString(p.closed()), Long.toString(p.handBacks()),
					Long.toString(p.reopened())));
			labels.add(m.toString());
			opened.add(p.opened());
		}
		pdf.heading("Tendances de l'assistance, mois par mois")
			.table(List.of("Mois", "Ouverts", "Clos", "Renvois", "Réouvertures"), rows)
			.bars("Tickets ouverts par mois", labels, opened);
	}

	private void decisions(PdfReport pdf, LocalDate today) {
		List<PolicyRevisionDue> due = revisions.all(today);
		pdf.heading("Décisions attendues : révisions des politiques")
			.table(List.of("Politique", "Porteurs", "Dernière version", "Échéance", "État"), due.stream()
				.map(d -> List.of(d.label(), String.join(", ", d.holders()), d.lastVersion() == null ? "aucune" : "v" + d.lastVersion(),
						d.dueOn() == null ? (d.onChange() ? "à chaque changement" : "–") : d.dueOn().toString(),
						d.overdue() ? "en retard" : "à jour"))
				.toList());
		List<PointToClarify> points = conventions.current().pointsToClarify();
		pdf.heading("Points à clarifier (" + points.size() + ")")
			.table(List.of("Point", "Objet", "Clause", "Lecture retenue"), points.stream()
				.map(p -> List.of(p.id(), p.title(), p.clause() == null ? "" : p.clause(),
						p.retained() == null ? "à trancher par le comité" : p.retained()))
				.toList());
	}
}
