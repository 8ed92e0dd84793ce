package org.entente.inventory.internal;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.entente.directory.EntenteUser;
import org.entente.directory.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.entente.inventory.SoftwareRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pedagogical and administrative software catalogues, defined by the Académie. Paid software enters the
 * pedagogical catalogue only once the Département has agreed (it pays for the workstations it runs on). Every change
 * of every field is kept.
 */
@Service
public class SoftwareCatalogues {

	public enum Catalogue { PEDAGOGICAL, ADMINISTRATIVE }

	public enum Licence { FREE, PAID }

	public enum PackageStatus { NONE, IN_PROGRESS, AVAILABLE }

	public record Software(Long id, Catalogue catalogue, String name, String version, String publisher, Licence licence,
			String accessibility, String systems, PackageStatus packageStatus, LocalDate reviewDate, String status,
			String cdAgreementBy, Long rowVersion) {
	}

	public record Change(Instant at, String by, String field, String before, String after) {
	}

	private final JdbcClient jdbc;
	private final InventoryPermissions permissions;
	private final ApplicationEventPublisher events;

	SoftwareCatalogues(JdbcClient jdbc, InventoryPermissions permissions, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.events = events;
	}

	/**
	 * A collège asks for software to be added to a catalogue: checked, then published as {@link SoftwareRequested},
	 * which the desk turns into a priority-2 request (in this transaction, through the event publication registry).
	 */
	@Transactional
	public SoftwareRequested request(String catalogue, String name, String version, EntenteUser user) {
		permissions.requireCollege(user, "Seul un collège demande l'ajout d'un logiciel à un catalogue.");
		if (name == null || name.isBlank() || name.length() > 150) {
			throw ProblemException.invalid(List.of(new FieldProblem("name", "nom du logiciel obligatoire, 150 caractères au plus")));
		}
		if (version != null && version.length() > 30) {
			throw ProblemException.invalid(List.of(new FieldProblem("version", "30 caractères au plus")));
		}
		Catalogue c;
		try {
			c = Catalogue.valueOf(String.valueOf(catalogue));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid(List.of(new FieldProblem("catalogue", "PEDAGOGICAL ou ADMINISTRATIVE")));
		}
		SoftwareRequested event = new SoftwareRequested(user.establishment(), c.name(), name, version, user.getUsername());
		events.publishEvent(event);
		return event;
	}

	public List<Software> list(Catalogue catalogue) {
		return jdbc.sql("select * from inv_software" + (catalogue == null ? "" : " where catalogue = :c") + " order by catalogue, name, version")
			.params(catalogue == null ? java.util.Map.of() : java.util.Map.of("c", catalogue.name()))
			.query(SoftwareCatalogues::map).list();
	}

	public Software find(long id) {
		return jdbc.sql("select * from inv_software where id = ?").param(id).query(SoftwareCatalogues::map).optional()
			.orElseThrow(() -> ProblemException.notFound("Introuvable", "Logiciel " + id + " introuvable."));
	}

	@Transactional
	public Software create(Software s, EntenteUser user) {
		requireAca(user);
		check(s);
		String status = needsAgreement(s) ? "PENDING_CD_AGREEMENT" : "LISTED";
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		try {
			jdbc.sql("""
					insert into inv_software (catalogue, name, version, publisher, licence, accessibility, systems, package_status,
					    review_date, status, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(s.catalogue().name(), s.name(), s.version(), s.publisher(), s.licence().name(), s.accessibility(),
						s.systems(), s.packageStatus().name(), s.reviewDate() == null ? null : Date.valueOf(s.reviewDate()),
						status, Timestamp.from(Instant.now()), user.getUsername())
				.update(keys, "id");
		}
		catch (DuplicateKeyException e) {
			throw alreadyListed(s);
		}
		long id = keys.getKey().longValue();
		change(id, user, "created", null, status);
		return find(id);
	}

	@Transactional
	public Software update(long id, Software s, EntenteUser user) {
		requireAca(user);
		check(s);
		Software before = find(id);
		if (s.rowVersion() != null && !s.rowVersion().equals(before.rowVersion())) {
			throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-version", "Modification concurrente", "Le logiciel a été modifié entre-temps ; rechargez-le.");
		}
		String status = before.status().equals("WITHDRAWN") ? "WITHDRAWN"
				: needsAgreement(s) && before.cdAgreementBy() == null ? "PENDING_CD_AGREEMENT" : "LISTED";
		Software after = new Software(id, s.catalogue(), s.name(), s.version(), s.publisher(), s.licence(), s.accessibility(),
				s.systems(), s.packageStatus(), s.reviewDate(), status, before.cdAgreementBy(), before.rowVersion());
		try {
			jdbc.sql("""
					update inv_software set catalogue = ?, name = ?, version = ?, publisher = ?, licence = ?, accessibility = ?, systems = ?,
					    package_status = ?, review_date = ?, status = ?, row_version = row_version + 1, updated_at = ?, updated_by = ? where id = ?""")
				.params(s.catalogue().name(), s.name(), s.version(), s.publisher(), s.licence().name(), s.accessibility(), s.systems(),
						s.packageStatus().name(), s.reviewDate() == null ? null : Date.valueOf(s.reviewDate()), status,
						Timestamp.from(Instant.now()), user.getUsername(), id)
				.update();
		}
		catch (DuplicateKeyException e) {
			throw alreadyListed(s);
		}
		String[][] fields = { { "catalogue", str(before.catalogue()), str(after.catalogue()) }, { "name", before.name(), after.name() },
				{ "version", before.version(), after.version() }, { "publisher", before.publisher(), after.publisher() },
				{ "licence", str(before.licence()), str(after.licence()) }, { "accessibility", before.accessibility(), after.accessibility() },
				{ "systems", before.systems(), after.systems() }, { "packageStatus", str(before.packageStatus()), str(after.packageStatus()) },
				{ "reviewDate", str(before.reviewDate()), str(after.reviewDate()) }, { "status", before.status(), after.status() } };
		for (String[] f : fields) {
			if (!Objects.equals(f[1], f[2])) {
				change(id, user, f[0], f[1], f[2]);
			}
		}
		return find(id);
	}

	/** The Département agrees to paid pedagogical software: it enters the catalogue. */
	@Transactional
	public Software agree(long id, EntenteUser user) {
		permissions.requireDepartment(user, "L'accord pour un logiciel payant du catalogue pédagogique est donné par le Département.");
		Software s = find(id);
		if (!s.status().equals("PENDING_CD_AGREEMENT")) {
			throw new ProblemException(HttpStatus.CONFLICT, "conflict", "Pas d'accord attendu", "Ce logiciel n'attend pas l'accord du Département (" + s.status() + ").");
		}
		jdbc.sql("update inv_software set status = 'LISTED', cd_agreement_by = ?, cd_agreement_at = ?, row_version = row_version + 1 where id = ?")
			.params(user.getUsername(), Timestamp.from(Instant.now()), id).update();
		change(id, user, "status", s.status(), "LISTED");
		return find(id);
	}

	public List<Change> history(long id) {
		find(id);
		return jdbc.sql("select * from inv_software_change where software_id = ? order by changed_at desc, id desc").param(id)
			.query((rs, n) -> new Change(rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
					rs.getString("field"), rs.getString("before_value"), rs.getString("after_value")))
			.list();
	}

	private static boolean needsAgreement(Software s) {
		return s.catalogue() == Catalogue.PEDAGOGICAL && s.licence() == Licence.PAID;
	}

	private void requireAca(EntenteUser user) {
		permissions.requireAcademie(user, "Les catalogues logiciels sont définis par l'Académie.");
	}

	private static void check(Software s) {
		List<FieldProblem> p = new ArrayList<>();
		if (s.catalogue() == null) {
			p.add(new FieldProblem("catalogue", "catalogue obligatoire (PEDAGOGICAL ou ADMINISTRATIVE)"));
		}
		if (s.name() == null || s.name().isBlank() || s.name().length() > 200) {
			p.add(new FieldProblem("name", "nom obligatoire, 200 caractères au plus"));
		}
		if (s.version() == null || s.version().isBlank() || s.version().length() > 50) {
			p.add(new FieldProblem("version", "version obligatoire, 50 caractères au plus"));
		}
		if (s.licence() == null) {
			p.add(new FieldProblem("licence", "licence obligatoire (FREE ou PAID)"));
		}
		if (s.packageStatus() == null) {
			p.add(new FieldProblem("packageStatus", "état du paquet de déploiement obligatoire"));
		}
		if (s.reviewDate() == null) {
			p.add(new FieldProblem("reviewDate", "date de revue annuelle obligatoire"));
		}
		if (!p.isEmpty()) {
			throw ProblemException.invalid(p);
		}
	}

	private void change(long id, EntenteUser user, String field, String before, String after) {
		jdbc.sql("insert into inv_software_change (software_id, changed_at, changed_by, field, before_value, after_value) values (?, ?, ?, ?, ?, ?)")
			.params(id, Timestamp.from(Instant.now()), user.getUsername(), field, before, after).update();
	}

	private static String str(Object o) {
		return o == null ? null : o.toString();
	}

	private static Software map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Date review = rs.getDate("review_date");
		return new Software(rs.getLong("id"), Catalogue.valueOf(rs.getString("catalogue")), rs.getString("name"),
				rs.getString("version"), rs.getString("publisher"), Licence.valueOf(rs.getString("licence")),
				rs.getString("accessibility"), rs.getString("systems"), PackageStatus.valueOf(rs.getString("package_status")),
				review == null ? null : review.toLocalDate(), rs.getString("status"), rs.getString("cd_agreement_by"),
				rs.getLong("row_version"));
	}

	private static ProblemException alreadyListed(Software s) {
		return new ProblemException(HttpStatus.CONFLICT, "conflict", "Déjà au catalogue", "« " + s.name() + " " + s.version() + " » est déjà au catalogue.");
	}
}
