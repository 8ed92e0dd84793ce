package org.entente.inventory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.entente.common.FieldProblem;
import org.entente.common.ProblemException;
import org.entente.directory.EntenteUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people to call at each establishment (the convention's annexes name them), kept by the inventory. */
@Service
public class EstablishmentContacts {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern PHONE = Pattern.compile("[+0-9 .()-]{6,30}");

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

	private final JdbcClient jdbc;
	private final InventoryPermissions permissions;

	EstablishmentContacts(JdbcClient jdbc, InventoryPermissions permissions) {
		this.jdbc = jdbc;
		this.permissions = permissions;
	}

	public List<Contact> contacts(String uai, EntenteUser user) {
		permissions.requireContacts(uai, user, false);
		return jdbc.sql("select role, name, email, phone from inv_establishment_contact where uai = ? order by role")
			.param(uai)
			.query((rs, n) -> new Contact(ContactRole.valueOf(rs.getString("role")), rs.getString("name"),
					rs.getString("email"), rs.getString("phone")))
			.list();
	}

	/** Replaces the establishment's contacts: one per role, each with a name; 400 naming every faulty field. */
	@Transactional
	public List<Contact> replace(String uai, List<Contact> contacts, EntenteUser user) {
		permissions.requireContacts(uai, user, true);
		List<FieldProblem> problems = new ArrayList<>();
		Set<ContactRole> roles = new HashSet<>();
		for (int i = 0; i < contacts.size(); i++) {
			Contact c = contacts.get(i);
			if (c.role() == null || !roles.add(c.role())) {
				problems.add(new FieldProblem("[" + i + "].role", "rôle manquant ou en double (CHEF_ETABLISSEMENT, RSN, RRUPN)"));
			}
			if (c.name() == null || c.name().isBlank() || c.name().length() > 200) {
				problems.add(new FieldProblem("[" + i + "].name", "nom obligatoire, 200 caractères au plus"));
			}
			if (c.email() != null && (c.email().length() > 254 || !EMAIL.matcher(c.email()).matches())) {
				problems.add(new FieldProblem("[" + i + "].email", "adresse « " + c.email() + " » invalide"));
			}
			if (c.phone() != null && !PHONE.matcher(c.phone()).matches()) {
				problems.add(new FieldProblem("[" + i + "].phone", "numéro « " + c.phone() + " » invalide"));
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		jdbc.sql("delete from inv_establishment_contact where uai = ?").param(uai).update();
		for (Contact c : contacts) {
			jdbc.sql("insert into inv_establishment_contact (uai, role, name, email, phone, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?)")
				.params(uai, c.role().name(), c.name(), c.email(), c.phone(), Timestamp.from(Instant.now()), user.getUsername())
				.update();
		}
		return contacts(uai, user);
	}
}
