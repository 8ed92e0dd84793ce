package org.entente.privacy.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.entente.common.CsvReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import of the académie's identity export, streamed: lines are checked one by one and written by batches of
 * {@link #BATCH} into a staging table, then merged with set-based SQL, all in one transaction that is rolled back
 * when any line is wrong (or on a dry run). A full import departs, on its date, whoever of the establishments it
 * names is absent from it; a departed person who reappears is returned. Nothing but the annex's columns is kept.
 */
@Service
class IdentityImport {

	static final int BATCH = 1000;

	enum Mode { FULL, PARTIAL }

	record Result(int created, int updated, int departed, int returned, List<CsvReader.LineError> errors,
			boolean truncated, boolean dryRun) {

		public boolean ok() {
			return errors.isEmpty();
		}
	}

	private final JdbcTemplate jdbcTemplate;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final RetentionPolicy retention;
	private final ProcessingRegister register;
	private final AccessLog accessLog;

	IdentityImport(JdbcTemplate jdbcTemplate, JdbcClient jdbc, TransactionTemplate tx, RetentionPolicy retention,
			ProcessingRegister register, AccessLog accessLog) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.tx = tx;
		this.retention = retention;
		this.register = register;
		this.accessLog = accessLog;
	}

	Result run(Reader reader, Mode mode, boolean dryRun, String operator) {
		register.requireCopySentForIdentities();
		return tx.execute(status -> {
			Result r = write(reader, mode, dryRun, operator);
			if (!r.ok() || dryRun) {
				status.setRollbackOnly();
			}
			return r;
		});
	}

	private Result write(Reader in, Mode mode, boolean dryRun, String operator) {
		String key = UUID.randomUUID().toString();
		CsvReader.Errors errors = new CsvReader.Errors();
		LocalDate today = retention.today();
		long lines = 0;
		try (BufferedReader reader = new BufferedReader(in, 1 << 16)) {
			reader.mark(1 << 15);
			int c = reader.read();
			if (c != '\uFEFF') {
				reader.reset();
				reader.mark(1 << 15);
			}
			else {
				reader.mark(1 << 15);
			}
			String first = reader.readLine();
			reader.reset();
			if (first == null || first.isBlank()) {
				errors.add(1, null, "fichier vide : en-tête attendu " + String.join(",", IdentityLine.HEADER));
				return failed(errors, dryRun);
			}
			char separator = first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
			CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setTrim(true).get();
			try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
				List<String> header = parser.getHeaderNames();
				if (!checkHeader(header, errors)) {
					return failed(errors, dryRun);
				}
				List<Object[]> batch = new ArrayList<>(BATCH);
				for (CSVRecord record : parser) {
					long line = parser.getCurrentLineNumber();
					lines++;
					if (!record.isConsistent()) {
						errors.add(line, null, record.size() + " colonnes au lieu de " + header.size());
						continue;
					}
					Map<String, String> values = new LinkedHashMap<>();
					for (String column : header) {
						String v = record.get(column);
						if (v != null && !v.isBlank()) {
							values.put(column, v.strip());
						}
					}
					IdentityLine parsed = IdentityLine.parse(line, values, errors, today);
					if (parsed != null && errors.isEmpty()) {
						batch.add(parsed.stagingRow(key));
						if (batch.size() == BATCH) {
							stage(batch);
						}
					}
				}
				if (errors.isEmpty()) {
					stage(batch);
				}
			}
		}
		catch (IOException e) {
			CsvReader.malformed(e, lines + 1, errors); // an unclosed quote was a 500 (Jazzer found it)
		}
		catch (UncheckedIOException e) {
			CsvReader.malformed(e.getCause(), lines + 1, errors);
		}
		catch (IllegalStateException | IllegalArgumentException e) {
			var bad = CsvReader.notUtf8(e);
			errors.add(bad != null ? bad.line() : lines + 2, null, "CSV mal formé : " + (bad != null ? bad : e).getMessage());
		}
		if (errors.isEmpty() && lines == 0) {
			errors.add(1, null, "aucune ligne de données");
		}
		if (errors.isEmpty()) {
			checkDuplicates(key, errors);
		}
		if (!errors.isEmpty()) {
			return failed(errors, dryRun);
		}
		return merge(key, mode, dryRun, operator, today, lines);
	}

	private static boolean checkHeader(List<String> header, CsvReader.Errors errors) {
		Set<String> expected = Set.copyOf(IdentityLine.HEADER);
		String hint = " ; en-tête attendu : " + String.join(",", IdentityLine.HEADER);
		Set<String> seen = new HashSet<>();
		for (String column : header) {
			if (!expected.contains(column)) {
				errors.add(1, column, "colonne « " + column + " » refusée : l'import ne garde que les données que "
						+ "l'annexe protection des données liste" + hint);
			}
			seen.add(column);
		}
		for (String column : IdentityLine.HEADER) {
			if (!seen.contains(column)) {
				errors.add(1, column, "colonne « " + column + " » manquante" + hint);
			}
		}
		return errors.isEmpty();
	}

	private void stage(List<Object[]> batch) {
		if (batch.isEmpty()) {
			return;
		}
		jdbcTemplate.batchUpdate("""
				insert into privacy_identity_staging (import_key, line, uid, guuid, last_name, first_name, civility,
				  birth_date, status, job_function, uai, class_name, department) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				batch);
		batch.clear();
	}

	/** A UID or a GUUID twice in the file, or a GUUID already held by another person. */
	private void checkDuplicates(String key, CsvReader.Errors errors) {
		for (String column : List.of("uid", "guuid")) {
			jdbc.sql("select s.line, s." + column + " v, (select min(o.line) from privacy_identity_staging o where o.import_key = s.import_key and o."
					+ column + " = s." + column + ") firstLine from privacy_identity_staging s where s.import_key = ? and exists "
					+ "(select 1 from privacy_identity_staging o where o.import_key = s.import_key and o." + column + " = s." + column
					+ " and o.line < s.line) order by s.line limit 1000")
				.param(key)
				.query((rs, n) -> {
					errors.add(rs.getLong("line"), column, column + " « " + rs.getString("v") + " » déjà à la ligne " + rs.getLong("firstLine"));
					return null;
				})
				.list();
		}
		jdbc.sql("""
				select s.line, s.guuid from privacy_identity_staging s join privacy_identity i on i.guuid = s.guuid and i.uid <> s.uid
				where s.import_key = ? order by s.line limit 1000""")
			.param(key)
			.query((rs, n) -> {
				errors.add(rs.getLong("line"), "guuid", "GUUID « " + rs.getString("guuid") + " » déjà porté par une autre personne (autre uid)");
				return null;
			})
			.list();
	}

	private Result merge(String key, Mode mode, boolean dryRun, String operator, LocalDate today, long lines) {
		Timestamp now = Timestamp.from(Instant.now());
		int created = count("""
				select count(*) from privacy_identity_staging s where s.import_key = ?
				and not exists (select 1 from privacy_identity i where i.uid = s.uid)""", key);
		int returned = count("""
				select count(*) from privacy_identity_staging s join privacy_identity i on i.uid = s.uid
				where s.import_key = ? and i.departed_on is not null""", key);
		int updated = count("""
				select count(*) from privacy_identity_staging s join privacy_identity i on i.uid = s.uid
				where s.import_key = ? and i.departed_on is null and (i.guuid <> s.guuid or i.last_name <> s.last_name
				  or i.first_name <> s.first_name or i.civility is distinct from s.civility or i.birth_date is distinct from s.birth_date
				  or i.status <> s.status or i.job_function is distinct from s.job_function or i.uai <> s.uai
				  or i.class_name is distinct from s.class_name or i.department is distinct from s.department)""", key);
		int departed = 0;
		if (mode == Mode.FULL) {
			departed = jdbc.sql("""
					update privacy_identity set departed_on = ?, destroy_by = ?, updated_at = ?
					where departed_on is null
					  and uai in (select distinct s.uai from privacy_identity_staging s where s.import_key = ?)
					  and not exists (select 1 from privacy_identity_staging s where s.import_key = ? and s.uid = privacy_identity.uid)""")
				.params(today, retention.destroyBy(today), now, key, key)
				.update();
		}
		jdbc.sql("""
				merge into privacy_identity t
				using (select uid, guuid, last_name, first_name, civility, birth_date, status, job_function, uai, class_name, department
				       from privacy_identity_staging where import_key = ?) s
				on (t.uid = s.uid)
				when matched then update set guuid = s.guuid, last_name = s.last_name, first_name = s.first_name,
				  civility = s.civility, birth_date = s.birth_date, status = s.status, job_function = s.job_function, uai = s.uai,
				  class_name = s.class_name, department = s.department, departed_on = null, destroy_by = null, updated_at = ?
				when not matched then insert (uid, guuid, last_name, first_name, civility, birth_date, status, job_function, uai,
				  class_name, department, imported_at, updated_at)
				  values (s.uid, s.guuid, s.last_name, s.first_name, s.civility, s.birth_date, s.status, s.job_function, s.uai,
				  s.class_name, s.department, ?, ?)""")
			.params(key, now, now, now)
			.update();
		String uais = String.join(",", jdbc.sql("select distinct uai from privacy_identity_staging where import_key = ? order by uai")
			.param(key).query(String.class).list());
		jdbc.sql("delete from privacy_identity_staging where import_key = ?").param(key).update();
		jdbc.sql("""
				insert into privacy_import (at, operator, mode, uais, lines, created, updated, departed, returned)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(now, operator, mode.name(), uais.length() > 4000 ? uais.substring(0, 3990) + "…" : uais, lines, created,
					updated, departed, returned)
			.update();
		accessLog.record(operator, dryRun ? "IMPORT_DRY_RUN" : "IMPORT", null,
				mode + " " + lines + " lignes ; créées " + created + ", modifiées " + updated + ", parties " + departed
						+ ", revenues " + returned);
		return new Result(created, updated, departed, returned, List.of(), false, dryRun);
	}

	private int count(String sql, String key) {
		return jdbc.sql(sql).param(key).query(Integer.class).single();
	}

	private static Result failed(CsvReader.Errors errors, boolean dryRun) {
		return new Result(0, 0, 0, 0, errors.list(), errors.truncated(), dryRun);
	}
}
