package org.entente.inventory.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.entente.directory.Establishment;
import org.entente.directory.EstablishmentKind;
import org.entente.directory.Establishments;
import org.entente.directory.Uai;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Establishments from the académie's CSV (uai with its check letter, name, commune, kind), created or updated through
 * {@link Establishments#save} (the directory owns them), all or nothing; and the people to call at each one.
 */
@Service
public class EstablishmentIntake {

	static final List<String> HEADER = List.of("uai", "name", "commune", "kind");

	/** The contacts the convention's annexes name at each establishment. */
	public enum ContactRole {
		CHEF_ETABLISSEMENT("Chef d'établissement"), RSN("Référent·e sécurité numérique (RSN)"),
		RRUPN("Référent·e ressources et usages pédagogiques numériques (RRUPN)");

		private final String label;

		ContactRole(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Contact(ContactRole role, String name, String email, String phone) {
	}

	public record Result(int created, int updated, List<AssetImport.ImportError> errors, boolean dryRun) {
	}

	private final Establishments establishments;
	private final JdbcClient jdbc;

	EstablishmentIntake(Establishments establishments, JdbcClient jdbc) {
		this.establishments = establishments;
		this.jdbc = jdbc;
	}

	@Transactional
	public Result importCsv(Reader reader, boolean dryRun) {
		List<AssetImport.ImportError> errors = new ArrayList<>();
		List<Establishment> rows = new ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.DEFAULT.builder().setHeader()
			.setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get()).get()) {
			if (!parser.getHeaderNames().equals(HEADER)) {
				errors.add(new AssetImport.ImportError(1, null, "en-tête attendu : " + String.join(",", HEADER)));
				return new Result(0, 0, errors, dryRun);
			}
			for (CSVRecord r : parser) {
				long line = parser.getCurrentLineNumber();
				if (!r.isConsistent()) {
					errors.add(new AssetImport.ImportError(line, null, r.size() + " colonnes au lieu de 4"));
					continue;
				}
				String uai = r.get("uai").toUpperCase(Locale.ROOT);
				String problem = Uai.problem(uai);
				if (problem != null) {
					errors.add(new AssetImport.ImportError(line, "uai", "UAI « " + uai + " » invalide : " + problem));
				}
				else if (seen.putIfAbsent(uai, line) != null) {
					errors.add(new AssetImport.ImportError(line, "uai", "UAI déjà présent ligne " + seen.get(uai)));
				}
				String name = r.get("name");
				String commune = r.get("commune");
				if (name.isBlank() || name.length() > 200) {
					errors.add(new AssetImport.ImportError(line, "name", "nom obligatoire, 200 caractères au plus"));
				}
				if (commune.isBlank() || commune.length() > 120) {
					errors.add(new AssetImport.ImportError(line, "commune", "commune obligatoire, 120 caractères au plus"));
				}
				EstablishmentKind kind = null;
				try {
					kind = EstablishmentKind.valueOf(r.get("kind").toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException e) {
					errors.add(new AssetImport.ImportError(line, "kind", "type « " + r.get("kind") + " » inconnu : COLLEGE ou CITE_SCOLAIRE"));
				}
				if (problem == null && kind != null) {
					rows.add(new Establishment(new Uai(uai), name, commune, kind, false));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
			errors.add(new AssetImport.ImportError(0, null, "CSV mal formé : " + e.getMessage()));
		}
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

	public List<Contact> contacts(String uai) {
		return jdbc.sql("select role, name, email, phone from inv_establishment_contact where uai = ? order by role")
			.param(uai)
			.query((rs, n) -> new Contact(ContactRole.valueOf(rs.getString("role")), rs.getString("name"),
					rs.getString("email"), rs.getString("phone")))
			.list();
	}

	/** Replaces the establishment's contacts. */
	@Transactional
	public void replaceContacts(String uai, List<Contact> contacts, String by) {
		jdbc.sql("delete from inv_establishment_contact where uai = ?").param(uai).update();
		for (Contact c : contacts) {
			jdbc.sql("insert into inv_establishment_contact (uai, role, name, email, phone, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?)")
				.params(uai, c.role().name(), c.name(), c.email(), c.phone(), Timestamp.from(Instant.now()), by)
				.update();
		}
	}
}
