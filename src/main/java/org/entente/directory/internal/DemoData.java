package org.entente.directory.internal;

import java.security.SecureRandom;
import java.util.List;

import org.entente.directory.Accounts;
import org.entente.directory.Accounts.NewAccount;
import org.entente.directory.DirectoryProperties;
import org.entente.directory.Establishment;
import org.entente.directory.EstablishmentKind;
import org.entente.directory.Establishments;
import org.entente.directory.Role;
import org.entente.directory.Uai;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: fictitious collèges (marked as demo, valid UAIs in the 035 range) and one account per role. The
 * password comes from ENTENTE_DEMO_PASSWORD, or a random one is printed once, when the accounts are created.
 */
@Component
@Order(0)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** Demo collèges: a number in the 035 range (the check letter is computed), name, commune. */
	static final List<Object[]> COLLEGES = List.of(
			new Object[] { 359901, "Collège de démonstration Les Chênes", "Rennes" },
			new Object[] { 359902, "Collège de démonstration Surcouf", "Saint-Malo" },
			new Object[] { 359903, "Collège de démonstration Les Remparts", "Fougères" },
			new Object[] { 359904, "Collège de démonstration La Vilaine", "Redon" },
			new Object[] { 359905, "Collège de démonstration Les Rochers", "Vitré" },
			new Object[] { 359906, "Collège de démonstration Le Grand Pré", "Bruz" },
			new Object[] { 359907, "Collège de démonstration Brocéliande", "Montfort-sur-Meu" },
			new Object[] { 359908, "Collège de démonstration L'Émeraude", "Dinard" },
			new Object[] { 359909, "Collège de démonstration Le Château", "Combourg" },
			new Object[] { 359910, "Collège de démonstration La Seiche", "Janzé" });

	static final int CITE_SCOLAIRE = 359990;

	private final DirectoryProperties properties;
	private final Establishments establishments;
	private final Accounts accounts;

	DemoData(DirectoryProperties properties, Establishments establishments, Accounts accounts) {
		this.properties = properties;
		this.establishments = establishments;
		this.accounts = accounts;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!properties.demo().enabled()) {
			return;
		}
		for (Object[] c : COLLEGES) {
			establishments.save(new Establishment(Uai.withCheckLetter((Integer) c[0]), (String) c[1], (String) c[2],
					EstablishmentKind.COLLEGE, true));
		}
		establishments.save(new Establishment(Uai.withCheckLetter(CITE_SCOLAIRE), "Cité scolaire de démonstration (hors convention)",
				"Rennes", EstablishmentKind.CITE_SCOLAIRE, true));
		String college = Uai.withCheckLetter((Integer) COLLEGES.get(0)[0]).value();
		String college2 = Uai.withCheckLetter((Integer) COLLEGES.get(1)[0]).value();
		String configured = properties.demo().password();
		boolean fromEnvironment = configured != null && !configured.isBlank();
		String password = fromEnvironment ? configured : randomPassword();
		List<NewAccount> demo = List.of(
				account("admin", password, "Administration Entente", Role.ADMIN, null, null),
				account("agent.cd", password, "Agent du Département (démo)", Role.CD_AGENT, "CD", null),
				account("agent.aca", password, "Agent de l'Académie (démo)", Role.ACA_AGENT, "ACA", null),
				account("niveau1", password, "Plateforme d'assistance niveau 1 (démo)", Role.LEVEL1_AGENT, "ACA", null),
				account("college", password, "Secrétariat du collège Les Chênes (démo)", Role.SCHOOL_STAFF, "EPLE", college),
				account("college2", password, "Secrétariat du collège Surcouf (démo)", Role.SCHOOL_STAFF, "EPLE", college2),
				account("prestataire", password, "Prestataire du Département (démo)", Role.CONTRACTOR, "CD", null),
				account("rssi", password, "RSSI académique (démo)", Role.RSSI, "ACA", null),
				account("dpd", password, "Délégué·e à la protection des données (démo)", Role.DPO, "ACA", null),
				account("finances", password, "Gestion financière du Département (démo)", Role.FINANCE, "CD", null),
				account("glpi-agent", password, "GLPI Agent (démo)", Role.INVENTORY_AGENT, "CD", null),
				account("journal", password, "Opérateur·ice du journal des connexions (démo)", Role.JOURNAL_OPERATOR, "CD", null),
				account("dpo", password, "Délégué·e à la protection des données du Département (démo)", Role.DPO, "CD", null),
				account("gestion.cd", password, "Gestion des comptes du Département (démo)", Role.CD_MANAGER, "CD", null),
				account("gestion.aca", password, "Gestion des comptes de l'Académie (démo)", Role.ACA_MANAGER, "ACA", null));
		int created = 0;
		for (NewAccount a : demo) {
			if (accounts.find(a.username()).isEmpty()) {
				accounts.create(a);
				created++;
				// Each demo collège account is its establishment's head: it acknowledges the policies (V13).
				if (a.username().equals("college") || a.username().equals("college2")) {
					accounts.designateHead(a.username(), true, a.username().equals("college") ? "Principale" : "Principal");
				}
			}
			else if (fromEnvironment) {
				accounts.changePassword(a.username(), password);
			}
		}
		if (created > 0 && !fromEnvironment) {
			// Printed once, at creation: the hash alone is stored. Set ENTENTE_DEMO_PASSWORD to choose or reset it.
			log.warn("""

					==================================================================
					 Mode démonstration : {} comptes créés (admin, agent.cd, agent.aca,
					 niveau1, college, prestataire, rssi, dpd, finances, …)
					 Mot de passe : {}
					 (affiché une seule fois ; ENTENTE_DEMO_PASSWORD pour le choisir)
					==================================================================""", created, password);
		}
		// Every start says who one may sign in as, and where the password comes from (never the password itself).
		StringBuilder table = new StringBuilder();
		for (NewAccount a : demo) {
			table.append(String.format("%n   %-12s %s", a.username(), a.role().label()));
		}
		log.info("Mode démonstration, comptes (un par rôle) :{}{}", table, fromEnvironment
				? "\n   Mot de passe : celui de la variable ENTENTE_DEMO_PASSWORD."
				: "\n   Mot de passe : tiré au hasard et affiché une seule fois, à la création des comptes (plus haut au premier "
						+ "démarrage) ; ENTENTE_DEMO_PASSWORD=… au prochain démarrage pour le choisir et le réinitialiser.");
	}

	private static NewAccount account(String username, String password, String name, Role role, String party,
			String establishment) {
		return new NewAccount(username, password, name, username + "@demo.entente.invalid", role, party, establishment, true);
	}

	private static String randomPassword() {
		String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			b.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return b.toString();
	}
}
