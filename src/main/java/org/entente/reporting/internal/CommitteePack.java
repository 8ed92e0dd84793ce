package org.entente.reporting.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.entente.common.FrenchDates;
import org.entente.common.PdfReport;
import org.entente.common.ProblemException;
import org.entente.convention.Committee;
import org.entente.convention.Conventions;
import org.entente.convention.PointToClarify;
import org.entente.inventory.EquipmentUse;
import org.entente.policy.PolicyRevisionDue;
import org.entente.policy.PolicyRevisionsDue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A committee's pack for a meeting (article 4), from what Entente knows, fitted to its missions: every pack opens
 * with the committee's missions and the state of services over the period (openings, closures, backlog, service
 * levels, components in trouble); the exploitation committee gets the month-by-month trend; the strategic
 * committee the decisions awaiting it (policy revisions due, from {@code policy}) and the open points to clarify
 * (from the convention file); the evaluation committee the use of equipment: the inventory per establishment (counts by
 * component) and each collège's equity against the Département's référentiel, read through {@code inventory}'s
 * public API {@link EquipmentUse}. The period runs from the committee's previous recorded meeting (governance), or
 * over one cadence when none is recorded.
 */
@Service
class CommitteePack {


	private final Conventions conventions;
	private final Figures figures;
	private final PolicyRevisionsDue revisions;
	private final EquipmentUse equipment;

	CommitteePack(Conventions conventions, Figures figures, PolicyRevisionsDue revisions, EquipmentUse equipment) {
		this.conventions = conventions;
		this.figures = figures;
		this.revisions = revisions;
		this.equipment = equipment;
	}

	/** The committee of the current convention with this code; 404 otherwise. */
	Committee committee(String code) {
		return conventions.current().committees().stream().filter(c -> c.code().equalsIgnoreCase(code)).findFirst()
			.orElseThrow(() -> ProblemException.notFound("Comité inconnu",
					"La convention en vigueur n'a pas de comité « " + code + " » (article 4)."));
	}

	/**
	 * A pack's period: from the committee's previous recorded meeting {@code since} to {@code to}, or over one cadence
	 * when none is recorded (or it is later than {@code to}); {@code since} is then null. {@code chosen}: a period the
	 * reader asked for, which says nothing of meetings.
	 */
	record Span(LocalDate from, LocalDate to, LocalDate since, boolean chosen) {

		static Span of(Committee c, LocalDate since, LocalDate to) {
			return since != null && !since.isAfter(to) ? new Span(since, to, since, false)
					: new Span(to.minus(c.cadence()), to, null, false);
		}

		static Span chosen(LocalDate from, LocalDate to) {
			return new Span(from, to, null, true);
		}
	}

	/** The pack over a span; it says where the period starts from (the previous meeting, one cadence, or the reader's choice). */
	@Transactional(readOnly = true)
	byte[] pdf(Committee c, Span span) {
		LocalDate from = span.from(), to = span.to();
		PdfReport pdf = PdfReport.titled("Dossier de séance — " + c.name())
			.paragraph("Période du " + FrenchDates.day(from) + " au " + FrenchDates.day(to) + " (" + c.clause() + ")"
					+ (span.chosen() ? "" : span.since() != null ? ", depuis la réunion précédente du comité, le " + FrenchDates.day(span.since())
							: ", aucune réunion précédente du comité n'est enregistrée : une période de sa cadence")
					+ " ; convention version " + conventions.current().version()
					+ ". Dossier assemblé par Entente à partir des indicateurs de l'assistance, de l'inventaire et du fichier de convention.")
			.heading("Missions du comité");
		c.missions().forEach(m -> pdf.paragraph("– " + m));
		services(pdf, from, to);
		switch (c.code()) {
			case "EXPLOITATION" -> trend(pdf, from, to);
			case "STRATEGIC" -> decisions(pdf, to);
			case "EVALUATION" -> equipment(pdf);
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

	/** Annex part 3 (equipment) as the evaluation committee follows it: what each establishment has, and equity. */
	private void equipment(PdfReport pdf) {
		List<EquipmentUse.EquipmentCount> counts = equipment.inventory();
		java.util.Map<String, List<EquipmentUse.EquipmentCount>> byUai = new java.util.TreeMap<>();
		counts.forEach(n -> byUai.computeIfAbsent(n.uai(), u -> new ArrayList<>()).add(n));
		pdf.heading("Utilisation des équipements : inventaire par établissement");
		if (byUai.isEmpty()) {
			pdf.paragraph("Aucun équipement en service ou en réserve n'est inventorié dans les établissements.");
		}
		else {
			pdf.paragraph("Équipements en service ou en réserve, par composant de la convention (stock central du Département exclu).")
				.table(List.of("UAI", "Équipements", "Par composant"), byUai.entrySet().stream()
					.map(e -> List.of(e.getKey(), Integer.toString(e.getValue().stream().mapToInt(EquipmentUse.EquipmentCount::count).sum()),
							String.join(", ", e.getValue().stream().map(n -> n.component() + " " + n.count()).toList())))
					.toList());
		}
		EquipmentUse.Equity equity = equipment.equity();
		pdf.heading("Équité au regard du référentiel d'équipement du Département");
		if (equity.referentielVersion() == null) {
			pdf.paragraph("Aucun référentiel d'équipement n'est publié dans l'inventaire : l'équité ne peut pas être mesurée.");
			return;
		}
		java.util.Map<String, long[]> positions = new java.util.TreeMap<>();
		java.util.Map<String, List<String>> below = new java.util.TreeMap<>();
		for (EquipmentUse.EquityLine l : equity.lines()) {
			long[] n = positions.computeIfAbsent(l.uai(), u -> new long[3]);
			n["BELOW".equals(l.position()) ? 0 : "ABOVE".equals(l.position()) ? 2 : 1]++;
			if ("BELOW".equals(l.position())) {
				below.computeIfAbsent(l.uai(), u -> new ArrayList<>()).add(l.label() + " " + l.count() + "/" + l.minQuantity());
			}
		}
		long collegesBelow = positions.values().stream().filter(n -> n[0] > 0).count();
		pdf.paragraph("Référentiel version " + equity.referentielVersion() + " : " + collegesBelow + " collège(s) sur "
				+ positions.size() + " sous le minimum d'au moins une ligne.")
			.table(List.of("UAI", "Sous le minimum", "Dans la fourchette", "Au-dessus", "Lignes sous le minimum (équipements / minimum)"),
					positions.entrySet().stream().map(e -> List.of(e.getKey(), Long.toString(e.getValue()[0]),
							Long.toString(e.getValue()[1]), Long.toString(e.getValue()[2]),
							String.join(", ", below.getOrDefault(e.getKey(), List.of())))).toList());
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
