package org.entente.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.convention.Convention;
import org.entente.convention.DataProtection;
import org.entente.convention.RetentionRule;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The register of processings (GDPR art. 30, annexe §3) and the copies of its entries sent to the Académie before
 * any transmission (annexe §4). The convention's {@code dataProtection.processing} list creates the entries missing
 * at start-up; each change is a new version, kept whole.
 */
@Service
class ProcessingRegister {

	/** The page that records a copy sent, named by the problem of an import refused. */
	static final String PAGE = "/donnees-personnelles/registre";

	/** Who wrote what the convention seeds. */
	static final String SYSTEM = "système";

	record Fields(String purpose, String controller, String purposes, String people, String dataCategories,
			String recipients, String processors, String transfers, String retention, String securityMeasures,
			Boolean feedsIdentities) {
	}

	record Entry(long id, Fields fields, boolean demo, int version, Instant updatedAt, String operator,
			List<Copy> copies) {

		public String etag() {
			return "\"" + version + "\"";
		}

		public Optional<Copy> lastCopy() {
			return copies.isEmpty() ? Optional.empty() : Optional.of(copies.get(copies.size() - 1));
		}
	}

	record Copy(int version, LocalDate sentOn, String sentTo, String operator, boolean demo) {
	}

	record Version(int version, Instant at, String operator, Map<String, Object> content) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final RowMapper<Fields> FIELDS = (rs, n) -> new Fields(rs.getString("purpose"), rs.getString("controller"),
			rs.getString("purposes"), rs.getString("people"), rs.getString("data_categories"), rs.getString("recipients"),
			rs.getString("processors"), rs.getString("transfers"), rs.getString("retention"), rs.getString("security_measures"),
			rs.getBoolean("feeds_identities"));

	private final JdbcClient jdbc;
	private final RetentionPolicy retention;

	ProcessingRegister(JdbcClient jdbc, RetentionPolicy retention) {
		this.jdbc = jdbc;
		this.retention = retention;
	}

	List<Entry> list() {
		return jdbc.sql("select * from privacy_processing order by id").query((rs, n) -> rs.getLong("id")).list().stream()
			.map(id -> find(id).orElseThrow()).toList();
	}

	Optional<Entry> find(long id) {
		return jdbc.sql("select * from privacy_processing where id = ?").param(id)
			.query((rs, n) -> new Entry(rs.getLong("id"), FIELDS.mapRow(rs, n), rs.getBoolean("demo"), rs.getInt("version"),
					rs.getTimestamp("updated_at").toInstant(), rs.getString("operator"), copies(rs.getLong("id"))))
			.optional();
	}

	Entry get(long id) {
		return find(id).orElseThrow(() -> ProblemException.notFound("Traitement inconnu", "Aucun traitement n° " + id + " au registre."));
	}

	private List<Copy> copies(long id) {
		return jdbc.sql("select * from privacy_copy_sent where processing_id = ? order by id").param(id)
			.query((rs, n) -> new Copy(rs.getInt("version"), rs.getObject("sent_on", LocalDate.class), rs.getString("sent_to"),
					rs.getString("operator"), rs.getBoolean("demo")))
			.list();
	}

	List<Version> versions(long id) {
		get(id);
		return jdbc.sql("select * from privacy_processing_version where processing_id = ? order by version").param(id)
			.query((rs, n) -> new Version(rs.getInt("version"), rs.getTimestamp("at").toInstant(), rs.getString("operator"),
					readMap(rs.getString("content"))))
			.list();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> readMap(String json) {
		return JSON.readValue(json, Map.class);
	}

	/** Annexe §4: no identity comes in while a processing that receives them has no copy sent to the Académie. */
	void requireCopySentForIdentities() {
		List<Entry> missing = list().stream().filter(e -> Boolean.TRUE.equals(e.fields().feedsIdentities()))
			.filter(e -> e.copies().isEmpty()).toList();
		boolean none = list().stream().noneMatch(e -> Boolean.TRUE.equals(e.fields().feedsIdentities()));
		if (none || !missing.isEmpty()) {
			String which = none ? "aucun traitement du registre ne reçoit les identités"
					: "la copie du traitement « " + missing.get(0).fields().purpose() + " » (n° " + missing.get(0).id()
							+ ") n'a pas été envoyée à l'Académie";
			throw new ProblemException(HttpStatus.CONFLICT, "register-copy-not-sent",
					"Copie du registre non envoyée", "Import refusé : " + which
							+ " (annexe protection des données, 4. Obligations des parties). Enregistrez l'envoi sur la page "
							+ PAGE + ".")
				.with("page", PAGE);
		}
	}

	@Transactional
	Entry create(Fields f, String operator, boolean demo) {
		check(f, null);
		if (jdbc.sql("select count(*) from privacy_processing where purpose = ?").param(f.purpose()).query(Integer.class).single() > 0) {
			throw ProblemException.conflict("Traitement déjà au registre", "Le traitement « " + f.purpose() + " » existe déjà.");
		}
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into privacy_processing (purpose, controller, purposes, people, data_categories, recipients, processors,
				  transfers, retention, security_measures, feeds_identities, demo, version, updated_at, operator)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""")
			.params(f.purpose(), f.controller(), f.purposes(), f.people(), f.dataCategories(), f.recipients(), f.processors(),
					f.transfers(), f.retention(), f.securityMeasures(), Boolean.TRUE.equals(f.feedsIdentities()), demo, now, operator)
			.update();
		long id = jdbc.sql("select id from privacy_processing where purpose = ?").param(f.purpose()).query(Long.class).single();
		snapshot(id, 1, f, now, operator);
		return get(id);
	}

	@Transactional
	Entry update(long id, int version, Fields f, String operator) {
		Entry before = get(id);
		check(f, before.fields());
		Fields merged = new Fields(before.fields().purpose(), or(f.controller(), before.fields().controller()),
				or(f.purposes(), before.fields().purposes()), or(f.people(), before.fields().people()),
				or(f.dataCategories(), before.fields().dataCategories()), or(f.recipients(), before.fields().recipients()),
				or(f.processors(), before.fields().processors()), or(f.transfers(), before.fields().transfers()),
				or(f.retention(), before.fields().retention()), or(f.securityMeasures(), before.fields().securityMeasures()),
				f.feedsIdentities() == null ? before.fields().feedsIdentities() : f.feedsIdentities());
		Timestamp now = Timestamp.from(Instant.now());
		int n = jdbc.sql("""
				update privacy_processing set controller = ?, purposes = ?, people = ?, data_categories = ?, recipients = ?,
				  processors = ?, transfers = ?, retention = ?, security_measures = ?, feeds_identities = ?, version = version + 1,
				  updated_at = ?, operator = ? where id = ? and version = ?""")
			.params(merged.controller(), merged.purposes(), merged.people(), merged.dataCategories(), merged.recipients(),
					merged.processors(), merged.transfers(), merged.retention(), merged.securityMeasures(),
					merged.feedsIdentities(), now, operator, id, version)
			.update();
		if (n == 0) {
			throw org.entente.common.IfMatch.stale("\"" + version + "\"");
		}
		snapshot(id, version + 1, merged, now, operator);
		return get(id);
	}

	@Transactional
	Entry recordCopy(long id, LocalDate sentOn, String sentTo, String operator, boolean demo) {
		Entry e = get(id);
		List<FieldProblem> problems = new ArrayList<>();
		if (sentOn == null) {
			problems.add(new FieldProblem("sentOn", "date d'envoi obligatoire (AAAA-MM-JJ)"));
		}
		else if (sentOn.isAfter(retention.today())) {
			problems.add(new FieldProblem("sentOn", "date d'envoi « " + sentOn + " » dans le futur"));
		}
		if (sentTo == null || !sentTo.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || sentTo.length() > 320) {
			problems.add(new FieldProblem("sentTo", "adresse mél du destinataire à l'Académie attendue (ex. dpd@ac-rennes.fr)"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		jdbc.sql("""
				insert into privacy_copy_sent (processing_id, version, sent_on, sent_to, recorded_at, operator, demo)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, e.version(), sentOn, sentTo, Timestamp.from(Instant.now()), operator, demo)
			.update();
		return get(id);
	}

	/** Creates the convention's processings missing from the register; in demo mode, their copies as sent. */
	@Transactional
	void seed(Convention convention, boolean demo) {
		DataProtection dp = convention.dataProtection();
		if (dp == null) {
			return;
		}
		String academy = dp.officers().stream().filter(o -> "ACA".equals(o.party())).map(o -> o.email()).findFirst()
			.orElse("dpd@ac-rennes.fr");
		String retentionText = retentionText(convention.retention());
		for (DataProtection.Processing p : dp.processing()) {
			Optional<Entry> existing = jdbc.sql("select id from privacy_processing where purpose = ?").param(p.purpose())
				.query(Long.class).optional().flatMap(this::find);
			if (existing.isPresent()) {
				refreshRetention(existing.get(), retentionText);
				continue;
			}
			boolean identities = p.data().stream().anyMatch(d -> d.contains("GUUID"));
			Entry e = create(new Fields(p.purpose(), controller(convention), p.purpose(), String.join(", ", dp.subjects()),
					String.join(", ", p.data()),
					"Services du Département chargés de la maintenance et de l'assistance des collèges ; Académie de Rennes (DPD " + academy + ")",
					"Prestataires du Département pour l'exploitation et la maintenance des systèmes d'information des collèges (annexe protection des données, 4)",
					"Aucun transfert hors de l'Union européenne ; aucune cession à un tiers (annexe protection des données, 4)",
					retentionText,
					"Transmission chiffrée et authentifiée (annexe, 7) ; accès réservé aux DPO et administrateurs, lectures journalisées ; destruction automatique (annexe, 8)",
					identities), SYSTEM, demo);
			if (demo) {
				recordCopy(e.id(), retention.today(), academy, "système (démo)", true);
			}
		}
	}

	/**
	 * An entry nobody has edited since the system wrote it follows the convention's retention rules (new categories,
	 * the journal's destruction at the end of its period); an entry a person edited is theirs and stays as it is.
	 */
	private void refreshRetention(Entry e, String text) {
		if (SYSTEM.equals(e.operator()) && !text.equals(e.fields().retention())) {
			// The version in the where clause: another instance starting at the same time has done it already.
			Timestamp now = Timestamp.from(Instant.now());
			int n = jdbc.sql("update privacy_processing set retention = ?, version = version + 1, updated_at = ? where id = ? and version = ?")
				.params(text, now, e.id(), e.version()).update();
			if (n == 1) {
				Fields f = e.fields();
				snapshot(e.id(), e.version() + 1, new Fields(f.purpose(), f.controller(), f.purposes(), f.people(), f.dataCategories(),
						f.recipients(), f.processors(), f.transfers(), text, f.securityMeasures(), f.feedsIdentities()), now, SYSTEM);
			}
		}
	}

	private static String controller(Convention c) {
		String code = c.dataProtection().controller();
		return c.parties().stream().filter(p -> p.code().equals(code)).map(p -> p.name() + " (" + code + ")").findFirst()
			.orElse(code) + " — " + c.dataProtection().clause() + ", 3";
	}

	/**
	 * Each rule with its period; data counted from its receipt (the journal's lines) is said to be destroyed at the
	 * end of its period rather than per person, with the clauses that make it so.
	 */
	static String retentionText(List<RetentionRule> rules) {
		return rules.isEmpty() ? "Au plus tard quatre mois après le départ des personnes (annexe, 8)"
				: String.join(" ; ", rules.stream().map(r -> RetentionPolicy.RECEIPT.equals(r.after())
						? RetentionPolicy.notPerPersonText(r) + " : chaque ligne est gardée telle que reçue et détruite "
								+ r.period() + " après sa réception (" + r.clause() + ")"
						: r.label() + " : " + r.period() + " après " + r.after()).toList());
	}

	private static void check(Fields f, Fields before) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("purpose", f.purpose());
		values.put("controller", f.controller());
		values.put("purposes", f.purposes());
		values.put("people", f.people());
		values.put("dataCategories", f.dataCategories());
		values.put("recipients", f.recipients());
		values.put("processors", f.processors());
		values.put("transfers", f.transfers());
		values.put("retention", f.retention());
		values.put("securityMeasures", f.securityMeasures());
		values.forEach((field, v) -> {
			int max = field.equals("purpose") ? 500 : 4000;
			if (before == null && (v == null || v.isBlank())) {
				problems.add(new FieldProblem(field, "« " + field + " » obligatoire"));
			}
			else if (v != null && v.length() > max) {
				problems.add(new FieldProblem(field, max + " caractères au plus"));
			}
		});
		if (before != null && f.purpose() != null && !f.purpose().equals(before.purpose())) {
			problems.add(new FieldProblem("purpose", "la finalité nomme le traitement et ne change pas : créez-en un autre"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
	}

	private static String or(String v, String otherwise) {
		return v == null ? otherwise : v;
	}

	private void snapshot(long id, int version, Fields f, Timestamp at, String operator) {
		jdbc.sql("insert into privacy_processing_version (processing_id, version, content, at, operator) values (?, ?, ?, ?, ?)")
			.params(id, version, JSON.writeValueAsString(f), at, operator)
			.update();
	}
}
