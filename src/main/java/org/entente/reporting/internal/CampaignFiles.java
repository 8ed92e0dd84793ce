package org.entente.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.entente.common.CsvWriter;
import org.springframework.stereotype.Component;

/** A campaign's answers as files: CSV (one line per answered question) and XLSX (a summary sheet and the same lines). */
@Component
class CampaignFiles {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Campaigns campaigns;

	CampaignFiles(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	byte[] csv(long id) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CsvWriter w = CsvWriter.to(out, header())) {
			lines(id).forEach(w::row);
		}
		return out.toByteArray();
	}

	byte[] xlsx(long id) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Campaigns.CampaignResults r = campaigns.results(id);
		try {
			Workbook wb = new Workbook(out, "Entente", "1.0");
			Worksheet s = wb.newWorksheet("Synthèse");
			s.value(0, 0, r.title());
			s.value(1, 0, "Décision");
			s.value(1, 1, r.decision());
			s.value(2, 0, "Invités");
			s.value(2, 1, r.invited());
			s.value(3, 0, "Réponses");
			s.value(3, 1, r.responses());
			s.value(4, 0, "Taux de réponse");
			s.value(4, 1, r.responseRate());
			int row = 6;
			s.value(row, 0, "Question");
			s.value(row++, 1, "Moyenne");
			for (var e : r.averages().entrySet()) {
				s.value(row, 0, e.getKey());
				s.value(row++, 1, e.getValue());
			}
			Worksheet a = wb.newWorksheet("Réponses");
			List<String> h = header();
			for (int c = 0; c < h.size(); c++) {
				a.value(0, c, h.get(c));
			}
			row = 1;
			for (List<Object> line : lines(id)) {
				for (int c = 0; c < line.size(); c++) {
					Object v = line.get(c);
					if (v instanceof Number n) {
						a.value(row, c, n);
					}
					else if (v != null) {
						a.value(row, c, v.toString());
					}
				}
				row++;
			}
			wb.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static List<String> header() {
		return List.of("Réponse", "Question", "Libellé", "Rôle", "UAI", "Note", "Commentaire");
	}

	private List<List<Object>> lines(long id) {
		Campaigns.SatisfactionCampaign c = campaigns.find(id);
		Map<Integer, String> labels = new TreeMap<>();
		c.questions().forEach(q -> labels.put(q.number(), q.label()));
		Campaigns.CampaignResults results = campaigns.results(id);
		Map<String, Integer> numbers = new TreeMap<>();
		List<List<Object>> out = new ArrayList<>();
		for (Campaigns.Row r : campaigns.rows(id)) {
			// A response's random id is replaced by a rank: nothing in the export looks like an identifier.
			int n = numbers.computeIfAbsent(r.response(), k -> numbers.size() + 1);
			String uai = r.uai() != null && results.byEstablishment().containsKey(r.uai()) ? r.uai() : "";
			List<Object> line = new ArrayList<>();
			line.add(n);
			line.add(r.question());
			line.add(labels.get(r.question()));
			line.add(results.byRole().containsKey(r.role()) ? r.role() : "");
			line.add(uai);
			line.add(r.score() == null ? "" : r.score());
			line.add(r.comment() == null ? "" : r.comment());
			out.add(line);
		}
		return out;
	}
}
