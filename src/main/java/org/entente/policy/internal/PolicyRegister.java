package org.entente.policy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.entente.common.ProblemException;
import org.entente.convention.Component;
import org.entente.convention.InterventionKind;
import org.entente.directory.Account;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishment;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.entente.common.StoredText;
import org.entente.notification.InAppNotificationRequested;
import org.entente.notification.MailRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reference documents of the policy rows: publishing a version (by the party of « définition », history kept),
 * its communication to the establishments and the other parties the row names (mail and notice through the outbox,
 * in the publishing transaction), the establishments' acknowledgements (by each collège's head) and the reminders to
 * those that have not. About 320 lines: publishing, acknowledging and reminding share the row's version and the list of
 * expected collèges; splitting the acknowledgements out is the next cut if this grows.
 */
@Service
public class PolicyRegister {

	public record Version(long id, String component, int number, String title, String link, String summary,
			LocalDate effectiveOn, String fileName, String fileType, String definedByParty, String publishedBy,
			Instant publishedAt, String conventionVersion) {
	}

	public record NewVersion(String title, String link, String summary, LocalDate effectiveOn) {
	}

	public record Attachment(String name, String type, byte[] content) {
	}

	/**
	 * The establishments expected to acknowledge a version, split into those that have and those that have not;
	 * {@code by}: who acknowledged for each (the head of the establishment, name and function then).
	 */
	public record Acknowledgements(List<String> acknowledged, List<String> missing, List<Acknowledgement> by) {
	}

	/** One establishment's acknowledgement: its head's account, name (null once the person is purged) and function. */
	public record Acknowledgement(String uai, String username, String name, String function, Instant acknowledgedAt) {
	}

	public record Row(Component component, List<String> definedBy, List<String> communicatedBy, List<String> appliedBy,
			Version current, Acknowledgements acknowledgements) {
	}

	private final JdbcClient jdbc;
	private final PolicyRows rows;
	private final PolicyPermissions permissions;
	private final Establishments establishments;
	private final Accounts accounts;
	private final ApplicationEventPublisher events;
	private final String baseUrl;

	PolicyRegister(JdbcClient jdbc, PolicyRows rows, PolicyPermissions permissions, Establishments establishments,
			Accounts accounts, ApplicationEventPublisher events,
			@org.springframework.beans.factory.annotation.Value("${entente.policy.base-url:${ENTENTE_BASE_URL:http://localhost:8080}}") String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.jdbc = jdbc;
		this.rows = rows;
		this.permissions = permissions;
		this.establishments = establishments;
		this.accounts = accounts;
		this.events = events;
	}

	public List<Row> register() {
		Map<String, Version> current = new HashMap<>();
		jdbc.sql("select " + COLUMNS + " from policy_version v where number = (select max(w.number) from policy_version w where w.component = v.component)")
			.query(PolicyRegister::map).list().forEach(v -> current.put(v.component(), v));
		List<String> expected = expected();
		List<Row> result = new ArrayList<>();
		for (Component c : rows.all()) {
			Version v = current.get(c.code());
			result.add(new Row(c, PolicyRows.parties(c, InterventionKind.DEFINITION), PolicyRows.parties(c, InterventionKind.COMMUNICATION),
					PolicyRows.parties(c, InterventionKind.APPLICATION), v, v == null ? null : acknowledgements(v.id(), expected)));
		}
		return result;
	}

	public Row row(String code) {
		return register().stream().filter(r -> r.component().code().equals(code)).findFirst()
			.orElseThrow(() -> unknown(code));
	}

	public List<Version> history(String code) {
		row(code);
		return jdbc.sql("select " + COLUMNS + " from policy_version where component = ? order by number desc")
			.param(code).query(PolicyRegister::map).list();
	}

	public Optional<Version> version(String code, int number) {
		return jdbc.sql("select " + COLUMNS + " from policy_version where component = ? and number = ?")
			.params(code, number).query(PolicyRegister::map).optional();
	}

	public Optional<Attachment> file(String code, int number) {
		return jdbc.sql("select file_name, file_type, file_content from policy_version where component = ? and number = ? and file_content is not null")
			.params(code, number)
			.query((rs, i) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
	}

	/** Publishes a version; the checks of the row and of the right come before those of the body. */
	@Transactional
	public Version publish(EntenteUser user, String code, java.util.function.Supplier<NewVersion> body, Attachment file) {
		Component row = rows.find(code).orElseThrow(() -> unknown(code));
		if (!permissions.publish(user, row)) {
			List<String> definers = PolicyRows.parties(row, InterventionKind.DEFINITION);
			throw ProblemException.forbidden(definers.isEmpty()
					? "La ligne « " + row.label() + " » n'a aucune partie en « Définition » dans la matrice (le document est défini hors de la convention, "
							+ "par exemple par le ministère) : personne ne publie de version dans Entente."
					: "Seul un agent de " + String.join(" ou ", definers) + ", qui tient « Définition » pour « " + row.label()
							+ " » dans la matrice, publie une version (" + row.cellClause(InterventionKind.DEFINITION) + ").")
				.with("component", code).with("definedBy", definers);
		}
		NewVersion v = body.get();
		String party = PolicyPermissions.agentParty(user);
		int number = jdbc.sql("select coalesce(max(number), 0) + 1 from policy_version where component = ?").param(code)
			.query(Integer.class).single();
		Instant now = Instant.now();
		String conventionVersion = rows.convention().version();
		jdbc.sql("""
				insert into policy_version (component, number, title, link, summary, effective_on, file_name, file_type,
				  file_content, defined_by_party, published_by, published_at, convention_version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(code, number, v.title(), v.link(), v.summary(), java.sql.Date.valueOf(v.effectiveOn()),
					file == null ? null : file.name(), file == null ? null : file.type(), file == null ? null : file.content(),
					party, user.getUsername(), Timestamp.from(now), conventionVersion)
			.update();
		Version published = version(code, number).orElseThrow();
		communicate(row, published, party);
		return published;
	}

	/**
	 * The head of the signed-in collège account's establishment acknowledges the version (once; a second time changes
	 * nothing). Another account of the collège gets a 403 that names who must (annexe §1 : « chaque chef
	 * d'établissement en accuse réception »).
	 */
	@Transactional
	public boolean acknowledge(EntenteUser user, String code, int number) {
		Version v = version(code, number).orElseThrow(() -> ProblemException.notFound("Version inconnue", "Version " + number + " de « " + code + " » inconnue."));
		String uai = user.establishment();
		if (!permissions.acknowledge(user, uai)) {
			throw ProblemException.forbidden("Seul un compte d'établissement accuse réception, pour son établissement.");
		}
		Account head = accounts.find(user.getUsername()).filter(Account::headOfEstablishment).orElseThrow(() -> {
			List<String> heads = accounts.headsOf(uai).stream().map(PolicyRegister::nameAndFunction).toList();
			return ProblemException.forbidden("Chaque chef·fe d'établissement accuse réception (annexe opérationnelle §1, Politiques) : "
					+ (heads.isEmpty() ? "aucun compte n'est désigné chef·fe de l'établissement " + uai + ", demandez-le à un·e administrateur·ice."
							: "pour l'établissement " + uai + ", " + String.join(", ", heads) + "."))
				.with("heads", heads);
		});
		int inserted = jdbc.sql("""
				insert into policy_acknowledgement (version_id, uai, acknowledged_by, acknowledged_function, acknowledged_at)
				select ?, ?, ?, ?, ? where not exists (select 1 from policy_acknowledgement where version_id = ? and uai = ?)""")
			.params(v.id(), uai, user.getUsername(), head.headFunction(), Timestamp.from(Instant.now()), v.id(), uai)
			.update();
		return inserted > 0;
	}

	/** Whether the signed-in person is the head of their establishment, read afresh (a designation takes effect at once). */
	public boolean isHead(EntenteUser user) {
		return user != null && accounts.find(user.getUsername()).map(Account::headOfEstablishment).orElse(false);
	}

	/** The heads of each establishment, « name (function) », for the page that says who must acknowledge. */
	public Map<String, List<String>> heads() {
		Map<String, List<String>> heads = new java.util.TreeMap<>();
		for (String uai : expected()) {
			heads.put(uai, accounts.headsOf(uai).stream().map(PolicyRegister::nameAndFunction).toList());
		}
		return heads;
	}

	static String nameAndFunction(Account a) {
		return a.displayName() + (a.headFunction() == null ? "" : " (" + a.headFunction() + ")");
	}

	public Acknowledgements acknowledgements(long versionId) {
		return acknowledgements(versionId, expected());
	}

	private Acknowledgements acknowledgements(long versionId, List<String> expected) {
		List<Acknowledgement> rows = jdbc.sql("select uai, acknowledged_by, acknowledged_function, acknowledged_at from policy_acknowledgement "
				+ "where version_id = ? order by uai")
			.param(versionId)
			.query((rs, i) -> new Acknowledgement(rs.getString(1), rs.getString(2), null, rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
		Map<String, String> names = new java.util.HashMap<>();
		accounts.findAll(rows.stream().map(Acknowledgement::username).distinct().toList()).forEach(a -> names.put(a.username(), a.displayName()));
		List<Acknowledgement> by = rows.stream().filter(a -> expected.contains(a.uai()))
			.map(a -> new Acknowledgement(a.uai(), a.username(), names.get(a.username()), a.function(), a.acknowledgedAt())).toList();
		Set<String> done = new LinkedHashSet<>(rows.stream().map(Acknowledgement::uai).toList());
		return new Acknowledgements(expected.stream().filter(done::contains).toList(),
				expected.stream().filter(u -> !done.contains(u)).toList(), by);
	}

	/** The collèges the convention covers: each acknowledges every version. */
	List<String> expected() {
		return establishments.findAll().stream().filter(e -> e.kind().coveredByConvention()).map(e -> e.uai().value()).sorted().toList();
	}

	/**
	 * Every establishment of the convention (its accounts) and the agents of the other parties the row names hear of
	 * the version: a mail to each address and a notice in the application, both published in this transaction.
	 */
	private void communicate(Component row, Version v, String publisher) {
		List<Role> roles = new ArrayList<>(List.of(Role.SCHOOL_STAFF));
		for (String p : PolicyRows.named(row)) {
			if (!p.equals(publisher) && "CD".equals(p)) {
				roles.add(Role.CD_AGENT);
			}
			if (!p.equals(publisher) && "ACA".equals(p)) {
				roles.add(Role.ACA_AGENT);
			}
		}
		Set<String> covered = new LinkedHashSet<>(expected());
		List<Account> to = accounts.enabledAmong(List.of(), roles, null).stream()
			.filter(a -> a.role() != Role.SCHOOL_STAFF || covered.contains(a.establishment())).toList();
		if (to.isEmpty()) {
			return;
		}
		String link = "/politiques/" + row.code();
		String subject = "[Entente] " + row.label() + " : version " + v.number() + " publiée";
		String text = """
				%s a publié la version %d de « %s » : %s
				Applicable le %s.

				%s
				%s
				Chaque établissement en accuse réception sur la page %s (annexe opérationnelle §1 : communication des documents de référence).
				""".formatted(rows.convention().party(publisher).map(p -> p.name() + " (" + p.code() + ")").orElse(publisher), v.number(),
				row.label(), v.title(), org.entente.common.FrenchDates.day(v.effectiveOn()), v.summary(),
				v.link() == null ? "" : "Document : " + v.link() + "\n", baseUrl + link);
		List<String> addresses = to.stream().map(Account::email).filter(e -> e != null && !e.isBlank()).distinct().toList();
		if (!addresses.isEmpty()) {
			// One mail per address: a collège does not see the others' addresses.
			for (String address : addresses) {
				events.publishEvent(MailRequested.text(List.of(address), subject, text, "POLICY"));
			}
		}
		events.publishEvent(InAppNotificationRequested.of(to.stream().map(Account::username).toList(), subject, link)
			.withWords(StoredText.message("pol.notice.published", row.label(), String.valueOf(v.number()))));
	}

	/** Reminds the establishments that have not acknowledged a version published before {@code before}, once each. */
	@Transactional
	public int remind(Instant before) {
		List<Version> versions = jdbc.sql("select " + COLUMNS + " from policy_version v where published_at < ? "
				+ "and number = (select max(w.number) from policy_version w where w.component = v.component)")
			.param(Timestamp.from(before)).query(PolicyRegister::map).list();
		if (versions.isEmpty()) {
			return 0;
		}
		List<String> expected = expected();
		int sent = 0;
		for (Version v : versions) {
			Set<String> reminded = new LinkedHashSet<>(jdbc.sql("select uai from policy_reminder where version_id = ?")
				.param(v.id()).query(String.class).list());
			for (String uai : acknowledgements(v.id(), expected).missing()) {
				if (reminded.contains(uai)) {
					continue;
				}
				jdbc.sql("insert into policy_reminder (version_id, uai, sent_at) values (?, ?, ?)")
					.params(v.id(), uai, Timestamp.from(Instant.now())).update();
				// The head acknowledges: the reminder goes to the head, or to the collège's staff while none is designated.
				List<Account> staff = accounts.headsOf(uai);
				if (staff.isEmpty()) {
					staff = accounts.enabledAmong(List.of(), List.of(), uai).stream().filter(a -> a.role() == Role.SCHOOL_STAFF).toList();
				}
				String label = rows.find(v.component()).map(Component::label).orElse(v.component());
				String subject = "[Entente] Rappel : accuser réception de « " + label + " » (version " + v.number() + ")";
				String link = "/politiques/" + v.component();
				staff.stream().map(Account::email).filter(e -> e != null && !e.isBlank()).distinct()
					.forEach(e -> events.publishEvent(MailRequested.text(List.of(e), subject,
							"La version " + v.number() + " de « " + label + " » (" + v.title() + ") attend l'accusé de réception de votre établissement : " + baseUrl + link + "\n",
							"POLICY")));
				if (!staff.isEmpty()) {
					events.publishEvent(InAppNotificationRequested.of(staff.stream().map(Account::username).toList(), subject, link)
						.withWords(StoredText.message("pol.notice.remind", label, String.valueOf(v.number()))));
				}
				sent++;
			}
		}
		return sent;
	}

	public List<Establishment> establishments() {
		return establishments.findAll().stream().filter(e -> e.kind().coveredByConvention()).toList();
	}

	static ProblemException unknown(String code) {
		return ProblemException.notFound("Politique inconnue", "Aucune politique « " + code + " » dans la convention en vigueur (lignes de l'annexe opérationnelle §1).")
			.with("component", code);
	}

	static final String COLUMNS = "id, component, number, title, link, summary, effective_on, file_name, file_type, defined_by_party, published_by, published_at, convention_version";

	static Version map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Version(rs.getLong("id"), rs.getString("component"), rs.getInt("number"), rs.getString("title"),
				rs.getString("link"), rs.getString("summary"), rs.getDate("effective_on").toLocalDate(), rs.getString("file_name"),
				rs.getString("file_type"), rs.getString("defined_by_party"), rs.getString("published_by"),
				rs.getTimestamp("published_at").toInstant(), rs.getString("convention_version"));
	}
}
