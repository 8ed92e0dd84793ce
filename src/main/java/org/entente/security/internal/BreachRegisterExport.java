package org.entente.security.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.entente.common.CsvWriter;

/** The breach register (GDPR art. 33(5)): every breach, notified or not, with facts, effects and remedial action. */
final class BreachRegisterExport {

	static final List<String> COLUMNS = List.of("n°", "incident", "prise de connaissance", "notification ACA avant",
			"notifiée le", "en retard", "raison du retard", "information CNIL avant", "nature", "personnes",
			"enregistrements", "catégories", "conséquences", "mesures", "contact", "enregistrée par", "clause",
			"version de la convention");

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private BreachRegisterExport() {
	}

	static List<Object> values(Breach b, ZoneId zone, Instant now) {
		List<Object> v = new ArrayList<>();
		v.add(b.id());
		v.add(b.incidentId());
		v.add(format(b.awareAt(), zone));
		v.add(format(b.notifyBy(), zone));
		v.add(format(b.notifiedAt(), zone));
		v.add(b.late(now) ? "oui" : "non");
		v.add(b.lateReason());
		v.add(format(b.authorityBy(), zone));
		v.add(b.nature());
		v.add(b.people());
		v.add(b.records());
		v.add(b.categories());
		v.add(b.consequences());
		v.add(b.measures());
		v.add(b.contact());
		v.add(b.recordedBy());
		v.add(b.clause());
		v.add(b.conventionVersion());
		return v;
	}

	static void csv(List<Breach> breaches, ZoneId zone, Instant now, OutputStream out) {
		try (CsvWriter w = CsvWriter.to(out, COLUMNS)) {
			breaches.forEach(b -> w.row(values(b, zone, now)));
		}
	}

	static void xlsx(List<Breach> breaches, ZoneId zone, Instant now, OutputStream out) throws IOException {
		Workbook wb = new Workbook(out, "Entente", "1.0");
		Worksheet ws = wb.newWorksheet("Registre des violations");
		for (int c = 0; c < COLUMNS.size(); c++) {
			ws.value(0, c, COLUMNS.get(c));
			ws.style(0, c).bold().set();
		}
		int row = 1;
		for (Breach b : breaches) {
			List<Object> v = values(b, zone, now);
			for (int c = 0; c < v.size(); c++) {
				Object o = v.get(c);
				if (o instanceof Number n) {
					ws.value(row, c, n);
				}
				else if (o != null) {
					// Same guard as the CSV: a cell a spreadsheet would evaluate is written as text with an apostrophe.
					ws.value(row, c, CsvWriter.safe(o));
				}
			}
			row++;
		}
		wb.finish();
	}

	private static String format(Instant i, ZoneId zone) {
		return i == null ? null : FORMAT.format(i.atZone(zone).toOffsetDateTime());
	}
}
