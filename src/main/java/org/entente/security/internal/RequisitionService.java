package org.entente.security.internal;

import static org.entente.security.internal.IncidentRepository.instant;
import static org.entente.security.internal.IncidentRepository.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.common.StoredText;
import org.entente.convention.Conventions;
import org.entente.convention.SecurityIncidentRules;
import org.entente.directory.Account;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.entente.notification.InAppNotificationRequested;
import org.entente.notification.InAppNotifications;
import org.entente.notification.MailRequested;
import org.entente.security.RequisitionExports;
import org.entente.security.RequisitionScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Judicial requisitions and investigation requests: the Académie (or an authority through it) asks the Département
 * for elements, in particular internet access logs (annexe opérationnelle §5). The record keeps who asked, the
 * reference, the legal basis, the scope and the deadline; the CD's answer is attached when delivered, uploaded or
 * produced by a {@link RequisitionExports} source (the connection-log journal, to come).
 */
@Service
class RequisitionService {

	/** Who reads the requisitions: the RSSI (who records them), the CD's agents and DPOs (who answer), administrators. */
	static final Set<Role> READERS = EnumSet.of(Role.RSSI, Role.CD_AGENT, Role.DPO, Role.ADMIN);
	static final Set<Role> ANSWERERS = EnumSet.of(Role.CD_AGENT, Role.DPO);

	record Requisition(long id, String requestedBy, String authority, String reference, String legalBasis, String scope,
			String establishment, Instant from, Instant to, String address, String account, Instant deadline,
			Long incidentId, Instant recordedAt, String recordedBy, Instant answeredAt, String answeredBy, String answerNote,
			String answerFilename, String answerContentType) {

		RequisitionScope asScope() {
			return new RequisitionScope(id, reference, from, to, establishment, address, account);
		}
	}

	record NewRequisition(String requestedBy, String authority, String reference, String legalBasis, String scope,
			String establishment, Instant from, Instant to, String address, String account, Instant deadline, Long incidentId) {
	}

	private final JdbcClient jdbc;
	private final Conventions conventions;
	private final Establishments establishments;
	private final IncidentRepository incidents;
	private final ObjectProvider<RequisitionExports> exports;
	private final ApplicationEventPublisher events;
	private final Accounts accounts;
	private final InAppNotifications notices;
	private final Clock clock;

	RequisitionService(JdbcClient jdbc, Conventions conventions, Establishments establishments, IncidentRepository incidents,
			ObjectProvider<RequisitionExports> exports, ApplicationEventPublisher events, Accounts accounts,
			InAppNotifications notices, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.conventions = conventions;
		this.establishments = establishments;
		this.incidents = incidents;
		this.exports = exports;
		this.events = events;
		this.accounts = accounts;
		this.notices = notices;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The export sources plugged in (none until the journal exists). */
	List<String> sources() {
		return exports.orderedStream().map(RequisitionExports::name).toList();
	}

	@Transactional
	Requisition record(EntenteUser user, NewRequisition n) {
		if (user.role() != Role.RSSI) {
			throw ProblemException.forbidden("Le-la RSSI consigne les réquisitions et demandes d'investigation de l'Académie.");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (n.establishment() != null && establishments.find(n.establishment()).isEmpty()) {
			problems.add(new FieldProblem("establishment", "L'établissement « " + n.establishment() + " » est inconnu."));
		}
		if (n.from() != null && n.to() != null && n.to().isBefore(n.from())) {
			problems.add(new FieldProblem("to", "La fin de la période précède son début."));
		}
		if (n.incidentId() != null && incidents.find(n.incidentId()).isEmpty()) {
			problems.add(new FieldProblem("incidentId", "L'incident " + n.incidentId() + " n'existe pas."));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		Instant now = clock.instant();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into security_requisition (requested_by, authority, reference, legal_basis, establishment, period_from,
				  period_to, address, account, scope, deadline, incident_id, recorded_at, recorded_by)
				values (:requestedBy, :authority, :reference, :legalBasis, :establishment, :from, :to, :address, :account, :scope,
				  :deadline, :incident, :now, :by)""")
			.param("requestedBy", n.requestedBy()).param("authority", n.authority()).param("reference", n.reference())
			.param("legalBasis", n.legalBasis()).param("establishment", n.establishment()).param("from", ts(n.from()))
			.param("to", ts(n.to())).param("address", n.address()).param("account", n.account()).param("scope", n.scope())
			.param("deadline", ts(n.deadline())).param("incident", n.incidentId()).param("now", ts(now))
			.param("by", user.getUsername())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		List<String> to = cdContacts();
		if (!to.isEmpty()) {
			events.publishEvent(MailRequested.text(to, "[Entente] Demande de l'Académie n° " + id + " (" + n.reference() + ")",
					"L'Académie demande au Département, au titre de « " + n.legalBasis() + " », les éléments suivants :\n"
							+ n.scope() + "\nÉchéance : " + n.deadline() + "\nDemandé par : " + n.requestedBy()
							+ (n.authority() == null ? "" : " pour " + n.authority()) + "\nFiche : /api/v1/security/requisitions/" + id
							+ "\n\n" + clause() + "\n",
					"SECURITY"));
		}
		if (n.incidentId() != null) {
			incidents.addEvent(n.incidentId(), now, user.getUsername(), "REQUISITION", null, null,
					"Réquisition n° " + id + " (" + n.reference() + ") adressée au Département");
		}
		return find(id).orElseThrow();
	}

	Requisition get(EntenteUser user, long id) {
		if (!READERS.contains(user.role())) {
			throw notFound(id);
		}
		return find(id).orElseThrow(() -> notFound(id));
	}

	List<Requisition> list(EntenteUser user) {
		if (!READERS.contains(user.role())) {
			throw ProblemException.forbidden("Les réquisitions sont réservées au-à la RSSI, aux agents et DPO du Département et aux administrateur·ices.");
		}
		return jdbc.sql("select * from security_requisition order by id desc limit 500").query(RequisitionService::map).list();
	}

	/** Attaches the CD's answer: an uploaded file, or the export of a plugged source named {@code source}. */
	@Transactional
	Requisition answer(EntenteUser user, long id, String note, String source, BreachService.Attachment file) {
		Requisition r = get(user, id);
		if (!ANSWERERS.contains(user.role())) {
			throw ProblemException.forbidden("Le Département (ses agents, son-sa DPO) répond aux réquisitions.");
		}
		if (r.answeredAt() != null) {
			throw ProblemException.conflict("Déjà répondu", "La réponse à cette réquisition a été jointe le " + r.answeredAt() + ".");
		}
		BreachService.Attachment answer = file;
		String text = note;
		if (source != null) {
			RequisitionExports exporter = exports.orderedStream().filter(e -> e.name().equals(source)).findFirst()
				.orElseThrow(() -> ProblemException.invalid("source", "Aucune source d'export « " + source + " » ; sources : " + sources() + "."));
			RequisitionExports.Export export = exporter.export(r.asScope())
				.orElseThrow(() -> ProblemException.invalid("source", "La source « " + source + " » ne détient rien pour cette demande."));
			answer = new BreachService.Attachment(export.filename(), export.contentType(), export.content());
			text = (note == null ? "" : note + "\n") + export.proof();
		}
		if (answer == null || answer.content().length == 0) {
			throw ProblemException.invalid("file", "Joignez la réponse (fichier) ou choisissez une source d'export.");
		}
		if (answer.content().length > BreachService.MAX_ATTACHMENT_BYTES) {
			throw ProblemException.invalid("file", "La réponse dépasse 5 Mo.");
		}
		Instant now = clock.instant();
		jdbc.sql("""
				update security_requisition set answered_at = :now, answered_by = :by, answer_note = :note,
				  answer_filename = :f, answer_content_type = :t, answer_content = :c where id = :id and answered_at is null""")
			.param("now", ts(now)).param("by", user.getUsername()).param("note", text).param("f", answer.filename())
			.param("t", answer.contentType()).param("c", answer.content()).param("id", id)
			.update();
		List<String> rssi = accounts.enabledAmong(List.of(), List.of(Role.RSSI), null).stream()
			.filter(a -> a.role() == Role.RSSI).map(Account::username).toList();
		if (!rssi.isEmpty()) {
			notices.post(InAppNotificationRequested.of(rssi, "Réquisition n° " + id + " : réponse du Département jointe",
					"/api/v1/security/requisitions/" + id).withWords(StoredText.message("sec.notice.requisitionAnswered", String.valueOf(id))));
		}
		if (r.incidentId() != null) {
			incidents.addEvent(r.incidentId(), now, user.getUsername(), "REQUISITION_ANSWERED", null, null,
					"Réponse du Département jointe à la réquisition n° " + id);
		}
		return find(id).orElseThrow();
	}

	Optional<byte[]> answerContent(long id) {
		return jdbc.sql("select answer_content from security_requisition where id = :id and answer_content is not null")
			.param("id", id).query((rs, n) -> rs.getBytes(1)).optional();
	}

	/** The CD's mailbox for the Académie's requests, from part 5 of the convention file. */
	private List<String> cdContacts() {
		SecurityIncidentRules rules = conventions.current().securityIncidents();
		return rules == null ? List.of() : rules.perimeters().stream().flatMap(p -> p.contacts().stream())
			.filter(c -> "CD".equals(c.party()) && c.email() != null).map(SecurityIncidentRules.Contact::email).distinct().toList();
	}

	private String clause() {
		SecurityIncidentRules rules = conventions.current().securityIncidents();
		return rules.perimeters().stream().filter(p -> p.contacts().stream().anyMatch(c -> "CD".equals(c.party())))
			.map(SecurityIncidentRules.Perimeter::clause).findFirst().orElse(rules.clause());
	}

	private Optional<Requisition> find(long id) {
		return jdbc.sql("select * from security_requisition where id = :id").param("id", id).query(RequisitionService::map).optional();
	}

	private static Requisition map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		long incident = rs.getLong("incident_id");
		Long incidentId = rs.wasNull() ? null : incident;
		return new Requisition(rs.getLong("id"), rs.getString("requested_by"), rs.getString("authority"), rs.getString("reference"),
				rs.getString("legal_basis"), rs.getString("scope"), rs.getString("establishment"), instant(rs, "period_from"),
				instant(rs, "period_to"), rs.getString("address"), rs.getString("account"), instant(rs, "deadline"), incidentId,
				instant(rs, "recorded_at"), rs.getString("recorded_by"), instant(rs, "answered_at"), rs.getString("answered_by"),
				rs.getString("answer_note"), rs.getString("answer_filename"), rs.getString("answer_content_type"));
	}

	static ProblemException notFound(long id) {
		return ProblemException.notFound("Réquisition introuvable", "Aucune réquisition n° " + id + " dans votre périmètre.");
	}
}
