package org.entente.directory.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.entente.common.FieldProblem;
import org.entente.directory.EntenteUser;
import org.entente.directory.Establishment;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.entente.directory.Uai;
import org.springframework.stereotype.Component;

/**
 * The fields of an account checked as a person typed them: role, party and establishment together (the role's own
 * party, a known collège for collège staff), display name, address. Each fault is a {@link FieldProblem} that names
 * its field; nothing is thrown, so a form or an import line can say every fault at once.
 */
@Component
class AccountFields {

	private final Establishments establishments;

	AccountFields(Establishments establishments) {
		this.establishments = establishments;
	}

	record Scope(Role role, String party, String establishment) {
	}

	/** Role, party and establishment checked together: the role's own party, a known collège for collège staff. */
	Scope scope(String roleText, String partyText, String establishmentText, List<FieldProblem> problems,
			EntenteUser actor) {
		Role role = parseRole(roleText);
		if (roleText == null || roleText.isBlank()) {
			problems.add(new FieldProblem("role", "rôle obligatoire ; rôles possibles : " + roleNames()));
			return new Scope(Role.CD_AGENT, null, null);
		}
		if (role == null) {
			problems.add(new FieldProblem("role", "rôle « " + roleText + " » inconnu ; rôles possibles : " + roleNames()));
			return new Scope(Role.CD_AGENT, null, null);
		}
		String party = blankToNull(partyText) == null ? null : partyText.strip().toUpperCase(Locale.ROOT);
		if (role == Role.ADMIN) {
			if (party != null) {
				problems.add(new FieldProblem("party", "un administrateur n'appartient à aucune partie"));
			}
		}
		else if (role.fixedParty() != null) {
			if (party != null && !party.equals(role.fixedParty())) {
				problems.add(new FieldProblem("party", "le rôle " + role.name() + " appartient à la partie " + role.fixedParty()
						+ ", pas « " + party + " »"));
			}
			party = role.fixedParty();
		}
		else if (party == null) {
			party = actor.role().managedParty();
			if (party == null) {
				problems.add(new FieldProblem("party", "partie obligatoire pour le rôle " + role.name() + " : CD ou ACA"));
			}
		}
		else if (!AccountAdministration.NAMED_PARTIES.contains(party)) {
			problems.add(new FieldProblem("party", "partie « " + party + " » inconnue : CD ou ACA"));
		}
		String establishment = blankToNull(establishmentText) == null ? null : establishmentText.strip().toUpperCase(Locale.ROOT);
		// An inventory agent's credential may be bound to one collège: its agents send only that collège's inventory.
		if (role.needsEstablishment() || (role == Role.INVENTORY_AGENT && establishment != null)) {
			if (establishment == null) {
				problems.add(new FieldProblem("establishment", "UAI du collège obligatoire pour le rôle " + role.name()));
			}
			else if (Uai.problem(establishment) != null) {
				problems.add(new FieldProblem("establishment", "UAI « " + establishment + " » invalide : " + Uai.problem(establishment)));
			}
			else {
				Optional<Establishment> e = establishments.find(establishment);
				if (e.isEmpty()) {
					problems.add(new FieldProblem("establishment", "aucun établissement « " + establishment + " » dans l'annuaire"));
				}
				else if (!e.get().kind().coveredByConvention()) {
					problems.add(new FieldProblem("establishment", "« " + e.get().name() + " » est une cité scolaire, hors de la convention"));
				}
			}
		}
		else if (establishment != null) {
			problems.add(new FieldProblem("establishment", "seuls le personnel d'un collège (SCHOOL_STAFF) et un agent d'inventaire (INVENTORY_AGENT) sont rattachés à un établissement"));
			establishment = null;
		}
		return new Scope(role, party, establishment);
	}

	static Role parseRole(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Role.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static String roleNames() {
		return String.join(", ", Arrays.stream(Role.values()).map(Role::name).toList());
	}

	static String displayName(String value, List<FieldProblem> problems) {
		String v = blankToNull(value);
		if (v == null) {
			problems.add(new FieldProblem("displayName", "nom affiché obligatoire"));
		}
		else if (v.length() > 200) {
			problems.add(new FieldProblem("displayName", "200 caractères au plus"));
		}
		return v == null ? null : v.strip();
	}

	static String email(String value, boolean required, List<FieldProblem> problems) {
		String v = blankToNull(value);
		if (v == null) {
			if (required) {
				problems.add(new FieldProblem("email", "adresse obligatoire sans mot de passe : l'invitation y est envoyée"));
			}
			return null;
		}
		v = v.strip();
		if (v.length() > 254 || !v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			problems.add(new FieldProblem("email", "adresse « " + v + " » invalide (ex. prenom.nom@ille-et-vilaine.fr)"));
		}
		return v;
	}

	static String text(Object value, String field, List<FieldProblem> problems) {
		if (value == null || value instanceof String) {
			return (String) value;
		}
		problems.add(new FieldProblem(field, "texte attendu"));
		return null;
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
