package org.entente.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.entente.common.PdfReport;
import org.entente.convention.Reporting;
import org.springframework.stereotype.Component;

/**
 * A month's statistics as files: an XLSX workbook (fastexcel; one sheet of indicators with their definitions and
 * clauses, one per breakdown) and a PDF (common {@code PdfReport}, with bar charts).
 */
@Component
class StatisticsFiles {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	static final String PDF = "application/pdf";

	static String monthName(String month) {
		YearMonth m = YearMonth.parse(month);
		return m.getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH) + " " + m.getYear();
	}

	/** The indicator rows: code, label, value, definition, clause (the convention file's set, in its order). */
	static List<List<String>> indicators(Monthly m, List<Reporting.Indicator> set) {
		List<List<String>> rows = new ArrayList<>();
		for (Reporting.Indicator i : set) {
			rows.add(List.of(i.label(), value(m, i.code()), i.definition(), i.clause()));
		}
		return rows;
	}

	static String value(Monthly m, String code) {
		return switch (code) {
			case "OPENED" -> Long.toString(m.opened());
			case "CLOSED" -> Long.toString(m.closed());
			case "BACKLOG_AT_END" -> Long.toString(m.backlogAtEnd());
			case "BY_PARTY" -> String.join(", ", m.byParty().entrySet().stream()
				.map(e -> e.getKey() + " " + e.getValue().opened() + "/" + e.getValue().closed()).toList());
			case "BY_ESTABLISHMENT" -> m.byEstablishment().size() + " établissements (feuille « Établissements »)";
			case "BY_COMPONENT" -> m.byComponent().size() + " composants (feuille « Composants »)";
			case "TAKE_CHARGE" -> level(m.serviceLevels().takeCharge());
			case "RESTORATION" -> level(m.serviceLevels().restoration());
			case "HAND_BACKS" -> Long.toString(m.handBacks());
			case "REOPENED" -> Long.toString(m.reopened());
			case "SATISFACTION" -> m.satisfaction().answers() + " réponses"
					+ (m.satisfaction().average() == null ? "" : ", moyenne " + m.satisfaction().average() + " / 5");
			default -> "non calculé";
		};
	}

	private static String level(Monthly.Level l) {
		return l.met() + " tenus, " + l.breached() + " dépassés"
				+ (l.medianWorkingMinutes() == null ? "" : ", médiane " + Math.round(l.medianWorkingMinutes()) + " min ouvrées");
	}

	byte[] pdf(Monthly m, List<Reporting.Indicator> set) {
		PdfReport pdf = PdfReport.titled("Statistiques de l'assistance — " + monthName(m.month()))
			.paragraph("Maintenance et assistance informatique des collèges publics : statistiques mensuelles envoyées au "
					+ "Département (annexe opérationnelle §4), convention version " + m.conventionVersion() + ".")
			.heading("Indicateurs")
			.table(List.of("Indicateur", "Valeur", "Définition", "Clause"), indicators(m, set));
		if (!m.byParty().isEmpty()) {
			pdf.bars("Tickets ouverts par partie", List.copyOf(m.byParty().keySet()),
					m.byParty().values().stream().map(Monthly.Counts::opened).toList());
		}
		List<Monthly.ComponentCounts> components = m.byComponent().stream().limit(15).toList();
		if (!components.isEmpty()) {
			pdf.bars("Tickets ouverts par composant (les 15 premiers)", components.stream().map(Monthly.ComponentCounts::component).toList(),
					components.stream().map(Monthly.ComponentCounts::opened).toList());
		}
		pdf.heading("Par établissement").table(List.of("UAI", "Ouverts", "Clos"), m.byEstablishment().stream()
			.map(e -> List.of(e.uai(), Long.toString(e.opened()), Long.toString(e.closed()))).toList());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		pdf.writeTo(out);
		return out.toByteArray();
	}

	byte[] xlsx(Monthly m, List<Reporting.Indicator> set) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "Entente", "1.0");
			Worksheet s = wb.newWorksheet("Indicateurs");
			row(s, 0, "Statistiques de " + monthName(m.month()), "Convention " + m.conventionVersion());
			row(s, 2, "Indicateur", "Valeur", "Définition", "Clause");
			int r = 3;
			for (List<String> line : indicators(m, set)) {
				row(s, r++, line.toArray(String[]::new));
			}
			Worksheet parties = wb.newWorksheet("Parties");
			row(parties, 0, "Partie", "Ouverts", "Clos");
			r = 1;
			for (var e : m.byParty().entrySet()) {
				parties.value(r, 0, e.getKey());
				parties.value(r, 1, e.getValue().opened());
				parties.value(r++, 2, e.getValue().closed());
			}
			Worksheet uais = wb.newWorksheet("Établissements");
			row(uais, 0, "UAI", "Ouverts", "Clos");
			r = 1;
			for (var e : m.byEstablishment()) {
				uais.value(r, 0, e.uai());
				uais.value(r, 1, e.opened());
				uais.value(r++, 2, e.closed());
			}
			Worksheet components = wb.newWorksheet("Composants");
			row(components, 0, "Composant", "Ouverts", "Clos");
			r = 1;
			for (var e : m.byComponent()) {
				components.value(r, 0, e.component());
				components.value(r, 1, e.opened());
				components.value(r++, 2, e.closed());
			}
			wb.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static void row(Worksheet s, int r, String... cells) {
		for (int c = 0; c < cells.length; c++) {
			s.value(r, c, cells[c]);
		}
	}
}
