package org.entente.privacy.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.entente.common.CsvReader;

/**
 * One line of the académie's identity export, checked cell by cell: the columns of the data-protection annex §2
 * (GUUID, UID, nom, prénom, civilité, date de naissance, statut, fonction, affectation), nothing else.
 */
record IdentityLine(long line, String uid, String guuid, String lastName, String firstName, String civility,
		LocalDate birthDate, String status, String function, String uai, String className, String department) {

	/** The header, exactly (order free, separator comma or semicolon). */
	static final List<String> HEADER = List.of("guuid", "uid", "lastName", "firstName", "civility", "birthDate", "status",
			"function", "uai", "class", "department");

	static final Set<String> STATUSES = Set.of("PUPIL", "EN_STAFF", "LOCAL_STAFF", "OTHER");

	static final Set<String> CIVILITIES = Set.of("M", "MME");

	/** The checked line, or null when a cell is wrong (its faults are in {@code errors}). */
	static IdentityLine parse(long line, Map<String, String> v, CsvReader.Errors errors, LocalDate today) {
		boolean[] ok = { true };
		String uid = text(v, "uid", true, 100, line, errors, ok);
		if (uid != null && !uid.matches("[A-Za-z0-9._@-]+")) {
			fault(errors, ok, line, "uid", "identifiant Toutatice invalide : lettres, chiffres et . _ @ - seulement");
		}
		String guuid = text(v, "guuid", true, 100, line, errors, ok);
		String last = text(v, "lastName", true, 200, line, errors, ok);
		String first = text(v, "firstName", true, 200, line, errors, ok);
		String civility = text(v, "civility", false, 20, line, errors, ok);
		if (civility != null) {
			String c = civility.toUpperCase(Locale.ROOT).replace(".", "");
			if (!CIVILITIES.contains(c)) {
				fault(errors, ok, line, "civility", "civilité « " + civility + " » inconnue : M ou MME");
			}
			civility = c;
		}
		LocalDate birth = null;
		String b = v.get("birthDate");
		if (b != null) {
			try {
				birth = LocalDate.parse(b);
				if (birth.isAfter(today) || birth.isBefore(LocalDate.of(1900, 1, 1))) {
					fault(errors, ok, line, "birthDate", "date de naissance « " + b + " » hors de 1900 à aujourd'hui");
				}
			}
			catch (DateTimeParseException e) {
				fault(errors, ok, line, "birthDate", "date « " + b + " » invalide : date ISO attendue (AAAA-MM-JJ)");
			}
		}
		String status = text(v, "status", true, 20, line, errors, ok);
		if (status != null && !STATUSES.contains(status)) {
			fault(errors, ok, line, "status", "statut « " + status + " » inconnu : PUPIL, EN_STAFF, LOCAL_STAFF ou OTHER");
		}
		String function = text(v, "function", false, 200, line, errors, ok);
		String uai = text(v, "uai", true, 8, line, errors, ok);
		if (uai != null && !uai.matches("[0-9]{7}[A-Z]")) {
			fault(errors, ok, line, "uai", "UAI « " + uai + " » invalide : sept chiffres et une lettre (0359901X)");
		}
		String className = text(v, "class", false, 100, line, errors, ok);
		String department = text(v, "department", false, 200, line, errors, ok);
		return ok[0] ? new IdentityLine(line, uid, guuid, last, first, civility, birth, status, function, uai, className,
				department) : null;
	}

	Object[] stagingRow(String key) {
		return new Object[] { key, line, uid, guuid, lastName, firstName, civility, birthDate, status, function, uai,
				className, department };
	}

	private static String text(Map<String, String> v, String column, boolean required, int max, long line,
			CsvReader.Errors errors, boolean[] ok) {
		String s = v.get(column);
		if (s == null || s.isBlank()) {
			if (required) {
				fault(errors, ok, line, column, "« " + column + " » obligatoire");
			}
			return null;
		}
		if (s.length() > max) {
			fault(errors, ok, line, column, max + " caractères au plus");
			return null;
		}
		return s;
	}

	private static void fault(CsvReader.Errors errors, boolean[] ok, long line, String column, String message) {
		ok[0] = false;
		errors.add(line, column, message);
	}
}
