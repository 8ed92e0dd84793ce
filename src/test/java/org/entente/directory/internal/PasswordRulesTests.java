package org.entente.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTests {

	private final PasswordRules rules = new PasswordRules();

	@Test
	void twelveCharactersAtLeastAndNoCompositionRule() {
		assertThat(rules.problem("court-court", "x")).contains("au moins 12 caractères (ici 11)");
		assertThat(rules.problem("", "x")).isEqualTo("mot de passe obligatoire");
		// Lower-case words only, no digit, no capital: accepted (ANSSI, NIST SP 800-63B).
		assertThat(rules.problem("cheval agrafe batterie correcte", "x")).isNull();
		assertThat(rules.problem("ornithorynque", "x")).isNull();
		assertThat(rules.problem("é".repeat(6) + "àçùîô", "x")).contains("ici 11");
	}

	@Test
	void commonPasswordsAndTheirVariantsAreRefused() {
		assertThat(rules.problem("azertyuiop123", "x")).contains("liste des mots de passe courants");
		assertThat(rules.problem("AZERTYUIOP123", "x")).contains("liste des mots de passe courants");
		assertThat(rules.problem("Motdepasse2026!", "x")).contains("trop proche");
		assertThat(rules.problem("2026MotDePasse", "x")).contains("trop proche");
		assertThat(rules.problem("azertyazertyazerty", "x")).contains("trop proche");
		assertThat(rules.problem("123456789012345", "x")).contains("chiffres");
		assertThat(rules.problem("aaaaaaaaaaaaaa", "x")).contains("répété");
		assertThat(rules.problem("Entente-2026!!", "x")).contains("nom du service");
	}

	@Test
	void theUsernameIsNoPassword() {
		assertThat(rules.problem("marie.dupont1", "marie.dupont")).contains("identifiant");
		assertThat(rules.problem("Marie.Dupont!!", "marie.dupont")).contains("identifiant");
		assertThat(rules.problem("marie.dupont jardine", "marie.dupont")).isNull();
	}

	@Test
	void passphrasesUpToTheLimit() {
		assertThat(rules.problem("mot ".repeat(40), "x")).contains("au plus 128");
	}
}
