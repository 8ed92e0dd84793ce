package org.entente.directory.internal;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.entente.common.CsvReader;
import org.entente.directory.Establishment;
import org.entente.directory.EstablishmentKind;
import org.entente.directory.Establishments;
import org.entente.directory.Uai;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Establishments from the académie's CSV (uai with its check letter, name, commune, kind), created or updated, all or
 * nothing: the directory owns the establishment table, so its import lives here (it was the inventory's).
 */
@Service
class EstablishmentImport {

	static final List<String> HEADER = List.of("uai", "name", "commune", "kind");

	/** A faulty line: its number, the column at fault (or none) and what is wrong. */
	record ImportError(long line, String column, String message) {
	}

	record Result(int created, int updated, List<ImportError> errors, boolean dryRun) {
	}

	private final Establishments establishments;

	EstablishmentImport(Establishments establishments) {
		this.establishments = establishments;
	}

	@Transactional
	Result importCsv(Reader reader, boolean dryRun) {
		List<ImportError> errors = new ArrayList<>();
		List<Establishment> rows = new ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		CsvReader.Errors read = new CsvReader.Errors();
		for (CsvReader.Line l : CsvReader.read(reader, HEADER, List.of(), 100_000, read)) {
			Establishment row = row(l, l.number(), seen, errors);
			if (row != null) {
				rows.add(row);
			}
		}
		read.list().forEach(e -> errors.add(new ImportError(e.line(), e.column(), e.message())));
		if (!errors.isEmpty()) {
			return new Result(0, 0, errors, dryRun);
		}
		int created = 0;
		for (Establishment e : rows) {
			created += establishments.find(e.uai().value()).isEmpty() ? 1 : 0;
		}
		if (!dryRun) {
			rows.forEach(establishments::save);
		}
		return new Result(created, rows.size() - created, List.of(), dryRun);
	}

	/** One line checked: the establishment, or null with its faults added to {@code errors}. */
	private static Establishment row(CsvReader.Line r, long line, Map<String, Long> seen, List<ImportError> errors) {
		String uai = text(r, "uai").toUpperCase(Locale.ROOT);
		String problem = Uai.problem(uai);
		if (problem != null) {
			errors.add(new ImportError(line, "uai", "UAI « " + uai + " » invalide : " + problem));
		}
		else if (seen.putIfAbsent(uai, line) != null) {
			errors.add(new ImportError(line, "uai", "UAI déjà présent ligne " + seen.get(uai)));
		}
		String name = text(r, "name");
		String commune = text(r, "commune");
		if (name.isBlank() || name.length() > 200) {
			errors.add(new ImportError(line, "name", "nom obligatoire, 200 caractères au plus"));
		}
		if (commune.isBlank() || commune.length() > 120) {
			errors.add(new ImportError(line, "commune", "commune obligatoire, 120 caractères au plus"));
		}
		EstablishmentKind kind = null;
		try {
			kind = EstablishmentKind.valueOf(text(r, "kind").toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			errors.add(new ImportError(line, "kind", "type « " + text(r, "kind") + " » inconnu : COLLEGE ou CITE_SCOLAIRE"));
		}
		return problem == null && kind != null ? new Establishment(new Uai(uai), name, commune, kind, false) : null;
	}

	private static String text(CsvReader.Line r, String column) {
		String v = r.get(column);
		return v == null ? "" : v;
	}
}
