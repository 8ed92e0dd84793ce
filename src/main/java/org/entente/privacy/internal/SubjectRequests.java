package org.entente.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.privacy.DataSubject;
import org.entente.privacy.PersonalDataHolder;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-subject requests (annexe protection des données §5, GDPR art. 12 and 15–21): received by the académie's DPD
 * or the Département's DPO, answered within one month of receipt (the same day of the next month, or its last day),
 * three months from receipt when extended with a reason (art. 12(3)). An access request gathers what every module
 * holds on the person.
 */
@Service
class SubjectRequests {

	enum Kind { ACCESS, RECTIFICATION, ERASURE, OBJECTION, RESTRICTION, PORTABILITY }

	record Request(long id, String kind, LocalDate receivedAt, String receivedBy, String subjectUid, LocalDate dueBy,
			boolean extended, String extensionReason, LocalDate answeredOn, String answer, String operator, int version) {
	}

	static final RowMapper<Request> ROW = (rs, n) -> new Request(rs.getLong("id"), rs.getString("kind"),
			rs.getObject("received_at", LocalDate.class), rs.getString("received_by"), rs.getString("subject_uid"),
			rs.getObject("due_by", LocalDate.class), rs.getBoolean("extended"), rs.getString("extension_reason"),
			rs.getObject("answered_on", LocalDate.class), rs.getString("answer"), rs.getString("operator"), rs.getInt("version"));

	/** One month after receipt, in calendar months (31 January gives 28 or 29 February). */
	static LocalDate dueBy(LocalDate receivedAt, boolean extended) {
		return receivedAt.plusMonths(extended ? 3 : 1);
	}

	private final JdbcClient jdbc;
	private final RetentionPolicy retention;
	private final Purges purges;
	private final Identities identities;
	private final AccessLog accessLog;

	SubjectRequests(JdbcClient jdbc, RetentionPolicy retention, Purges purges, Identities identities, AccessLog accessLog) {
		this.jdbc = jdbc;
		this.retention = retention;
		this.purges = purges;
		this.identities = identities;
		this.accessLog = accessLog;
	}

	@Transactional
	Request record(String kind, String receivedAt, String receivedBy, String subjectUid, String operator) {
		List<FieldProblem> problems = new ArrayList<>();
		Kind k = null;
		try {
			k = kind == null ? null : Kind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		if (k == null) {
			problems.add(new FieldProblem("kind", "« kind » attendu parmi ACCESS, RECTIFICATION, ERASURE, OBJECTION, RESTRICTION, PORTABILITY"));
		}
		LocalDate received = null;
		try {
			received = receivedAt == null ? null : LocalDate.parse(receivedAt);
		}
		catch (java.time.format.DateTimeParseException e) {
			// reported below
		}
		if (received == null) {
			problems.add(new FieldProblem("receivedAt", "date de réception ISO attendue (AAAA-MM-JJ)"));
		}
		else if (received.isAfter(retention.today())) {
			problems.add(new FieldProblem("receivedAt", "date de réception « " + received + " » dans le futur"));
		}
		if (!"ACA".equals(receivedBy) && !"CD".equals(receivedBy)) {
			problems.add(new FieldProblem("receivedBy", "« receivedBy » : ACA (dpd@ac-rennes.fr) ou CD (dpo@ille-et-vilaine.fr)"));
		}
		if (subjectUid != null && (subjectUid.isBlank() || subjectUid.length() > 100)) {
			problems.add(new FieldProblem("subjectUid", "UID de 1 à 100 caractères"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into privacy_request (kind, received_at, received_by, subject_uid, due_by, recorded_at, operator)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(k.name(), received, receivedBy, subjectUid, dueBy(received, false), Timestamp.from(Instant.now()), operator)
			.update(key, "id");
		return get(key.getKeyAs(Number.class).longValue());
	}

	Request get(long id) {
		return jdbc.sql("select * from privacy_request where id = ?").param(id).query(ROW).optional()
			.orElseThrow(() -> ProblemException.notFound("Demande inconnue", "Aucune demande n° " + id + "."));
	}

	List<Request> list(boolean open) {
		return jdbc.sql("select * from privacy_request " + (open ? "where answered_on is null " : "") + "order by due_by, id limit 500")
			.query(ROW).list();
	}

	@Transactional
	Request extend(long id, String reason, String operator) {
		Request r = get(id);
		if (reason == null || reason.isBlank() || reason.length() > 2000) {
			throw ProblemException.invalid("reason", "motif de la prolongation obligatoire (2000 caractères au plus)");
		}
		if (r.extended()) {
			throw ProblemException.conflict("Déjà prolongée", "La demande n° " + id + " a déjà été prolongée de deux mois.");
		}
		if (r.answeredOn() != null) {
			throw ProblemException.conflict("Déjà répondue", "La demande n° " + id + " a reçu sa réponse le " + r.answeredOn() + ".");
		}
		jdbc.sql("update privacy_request set extended = true, extension_reason = ?, due_by = ?, version = version + 1 where id = ?")
			.params(reason, dueBy(r.receivedAt(), true), id).update();
		return get(id);
	}

	@Transactional
	Request answer(long id, String answer, String operator) {
		Request r = get(id);
		if (answer == null || answer.isBlank() || answer.length() > 10000) {
			throw ProblemException.invalid("answer", "réponse obligatoire (10000 caractères au plus)");
		}
		if (r.answeredOn() != null) {
			throw ProblemException.conflict("Déjà répondue", "La demande n° " + id + " a reçu sa réponse le " + r.answeredOn() + ".");
		}
		jdbc.sql("update privacy_request set answer = ?, answered_on = ?, version = version + 1 where id = ?")
			.params(answer, retention.today(), id).update();
		return get(id);
	}

	/** The identity's fields a rectification may correct (annexe §2; the GUUID and UID identify the person). */
	static final List<String> RECTIFIABLE = List.of("lastName", "firstName", "civility", "birthDate", "status", "function",
			"uai", "class", "department");

	/**
	 * Answers a rectification request (art. 16): corrects the subject's identity with {@code fields} (checked as an
	 * import line is), records the answer and its date, and logs the change (names of the fields, never their values).
	 */
	@Transactional
	Request rectify(long id, Map<String, Object> fields, String answer, String operator) {
		Request r = get(id);
		if (!Kind.RECTIFICATION.name().equals(r.kind())) {
			throw ProblemException.conflict("Pas une rectification", "La demande n° " + id + " est une demande " + r.kind() + ", pas RECTIFICATION.");
		}
		if (r.answeredOn() != null) {
			throw ProblemException.conflict("Déjà répondue", "La demande n° " + id + " a reçu sa réponse le " + r.answeredOn() + ".");
		}
		if (r.subjectUid() == null) {
			throw ProblemException.conflict("Personne non désignée", "La demande n° " + id + " ne désigne personne (subjectUid).");
		}
		Identities.Identity current = identities.find(r.subjectUid()).orElseThrow(() -> ProblemException.conflict("Identité inconnue",
				"Aucune identité d'UID « " + r.subjectUid() + " » à rectifier."));
		List<FieldProblem> problems = new ArrayList<>();
		if (fields == null || fields.isEmpty()) {
			problems.add(new FieldProblem("fields", "au moins un champ à rectifier parmi " + String.join(", ", RECTIFIABLE)));
		}
		else {
			fields.keySet().stream().filter(f -> !RECTIFIABLE.contains(f)).forEach(f -> problems.add(new FieldProblem(f,
					"« " + f + " » ne peut pas être rectifié : champs de l'identité " + String.join(", ", RECTIFIABLE))));
		}
		if (answer != null && answer.length() > 10000) {
			problems.add(new FieldProblem("answer", "10000 caractères au plus"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Map<String, String> values = new LinkedHashMap<>();
		values.put("uid", current.uid());
		values.put("guuid", current.guuid());
		values.put("lastName", current.lastName());
		values.put("firstName", current.firstName());
		values.put("civility", current.civility());
		values.put("birthDate", current.birthDate() == null ? null : current.birthDate().toString());
		values.put("status", current.status());
		values.put("function", current.function());
		values.put("uai", current.uai());
		values.put("class", current.className());
		values.put("department", current.department());
		fields.forEach((f, v) -> values.put(f, v == null ? null : v.toString().strip()));
		org.entente.common.CsvReader.Errors errors = new org.entente.common.CsvReader.Errors();
		IdentityLine line = IdentityLine.parse(0, values, errors, retention.today());
		if (line == null) {
			throw ProblemException.invalid(errors.list().stream().map(e -> new FieldProblem(e.column(), e.message())).toList());
		}
		jdbc.sql("""
				update privacy_identity set last_name = ?, first_name = ?, civility = ?, birth_date = ?, status = ?,
				job_function = ?, uai = ?, class_name = ?, department = ?, updated_at = ? where uid = ?""")
			.params(line.lastName(), line.firstName(), line.civility(), line.birthDate(), line.status(), line.function(),
					line.uai(), line.className(), line.department(), Timestamp.from(Instant.now()), current.uid())
			.update();
		String names = String.join(", ", fields.keySet());
		String text = answer == null || answer.isBlank() ? "Identité rectifiée (" + names + ")." : answer;
		jdbc.sql("update privacy_request set answer = ?, answered_on = ?, version = version + 1 where id = ?")
			.params(text, retention.today(), id).update();
		accessLog.record(operator, "RECTIFICATION", current.uid(), "demande n° " + id + " : " + names);
		return get(id);
	}

	/** Everything the modules hold on the request's subject, by category (art. 15). */
	@Transactional
	Map<String, Object> accessExport(long id, String operator) {
		Request r = get(id);
		if (r.subjectUid() == null) {
			throw ProblemException.conflict("Personne non désignée", "La demande n° " + id + " ne désigne personne (subjectUid).");
		}
		DataSubject s = identities.find(r.subjectUid()).map(purges::subject)
			.orElseGet(() -> purges.subject(new Identities.Identity(r.subjectUid(), null, null, null, null, null, null,
					null, null, null, null, null, null)));
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("request", r.id());
		out.put("subjectUid", r.subjectUid());
		out.put("generatedOn", retention.today().toString());
		Map<String, Object> data = new LinkedHashMap<>();
		for (PersonalDataHolder h : purges.holders()) {
			List<Map<String, Object>> records = h.describe(s);
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> already = (List<Map<String, Object>>) data.computeIfAbsent(h.category(), c -> new ArrayList<>());
			already.addAll(records);
		}
		out.put("data", data);
		accessLog.record(operator, "ACCESS_EXPORT", r.subjectUid(), "demande n° " + id);
		return out;
	}
}
