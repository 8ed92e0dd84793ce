package org.entente.directory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.entente.directory.EntenteUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The CSV import of accounts, all or nothing, each line checked as a creation would be. */
@Service
class AccountImport {

	private static final Logger log = LoggerFactory.getLogger(AccountImport.class);

	private final AccountAdministration administration;

	AccountImport(AccountAdministration administration) {
		this.administration = administration;
	}

	static final List<String> IMPORT_COLUMNS = List.of("username", "displayName", "email", "role");

	static final List<String> IMPORT_OPTIONAL = List.of("party", "uai");

	/** What an import did, or would do ({@code dryRun}); nothing at all when {@code errors} is not empty. */
	record ImportResult(int created, List<org.entente.common.CsvReader.LineError> errors, boolean dryRun, boolean truncated) {

		public boolean ok() {
			return errors.isEmpty();
		}
	}

	/**
	 * CSV import of accounts (username, displayName, email, role, party, uai), all or nothing: every line is checked
	 * as a creation would be, and against the other lines; one fault anywhere and nothing is written. Each new
	 * account is mailed its invitation.
	 */
	@Transactional
	ImportResult importCsv(java.io.Reader reader, EntenteUser actor, boolean dryRun, String linkBase) {
		AccountAdministration.requireAdministrator(actor);
		var errors = new org.entente.common.CsvReader.Errors();
		var lines = org.entente.common.CsvReader.read(reader, IMPORT_COLUMNS, IMPORT_OPTIONAL, 10_000, errors);
		Map<String, Long> seen = new HashMap<>();
		List<AccountAdministration.Checked> valid = new ArrayList<>();
		for (var line : lines) {
			AccountAdministration.AccountRequest r = new AccountAdministration.AccountRequest(line.get("username"), line.get("displayName"), line.get("email"), line.get("role"),
					line.get("party"), line.get("uai"), null);
			AccountAdministration.Checked c = administration.check(r, actor);
			c.problems().forEach(p -> errors.add(line.number(), "establishment".equals(p.field()) ? "uai" : p.field(), p.message()));
			if (!c.problems().isEmpty()) {
				continue;
			}
			Long first = seen.putIfAbsent(c.username().toLowerCase(Locale.ROOT), line.number());
			if (first != null) {
				errors.add(line.number(), "username", "identifiant « " + c.username() + " » déjà présent ligne " + first);
			}
			else if (c.duplicate()) {
				errors.add(line.number(), "username", "un compte « " + c.username() + " » existe déjà");
			}
			else if (c.outOfScope()) {
				errors.add(line.number(), "party", "hors de votre périmètre (" + actor.role().managedParty() + ")");
			}
			else {
				valid.add(c);
			}
		}
		if (!errors.isEmpty()) {
			return new ImportResult(0, errors.list(), dryRun, errors.truncated());
		}
		if (!dryRun) {
			valid.forEach(c -> administration.insert(c, null, actor, linkBase));
			log.info("{} compte(s) importé(s) par {}", valid.size(), actor.getUsername());
		}
		return new ImportResult(valid.size(), List.of(), dryRun, false);
	}
}
