package org.entente.convention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.entente.convention.internal.ResponsibilityResolver;
import org.junit.jupiter.api.Test;

class ResponsibilityResolverTests {

	private final Convention convention = ConventionFixtures.seed();

	private Responsibility resolve(String code, InterventionKind kind, ResponsibilityContext context) {
		return ResponsibilityResolver.resolve(convention, convention.components().get(code), kind, context);
	}

	@Test
	void wifiRepairIsTheDepartmentsAndSaysWhy() {
		Responsibility r = resolve("BORNES_WIFI", InterventionKind.REPAIR, ResponsibilityContext.NONE);
		assertThat(r.parties()).containsExactly("CD");
		assertThat(r.clause()).isEqualTo("Annexe opérationnelle §3, Infrastructure réseau, Bornes Wi-Fi, Dépannage");
		assertThat(r.explanation()).contains("Bornes Wi-Fi").contains("Dépannage").contains("CD");
		assertThat(r.conventionVersion()).isEqualTo(convention.version());
		assertThat(r.toArbitrate()).isFalse();
	}

	@Test
	void videoProjectorDependsOnFunding() {
		ResponsibilityContext ownFunds = new ResponsibilityContext(Funding.OWN_FUNDS_CATALOGUE, null, null);
		ResponsibilityContext byCd = new ResponsibilityContext(Funding.CD, null, null);
		assertThat(resolve("VIDEOPROJECTEURS", InterventionKind.REPAIR, ownFunds).parties()).containsExactly("EPLE");
		assertThat(resolve("VIDEOPROJECTEURS", InterventionKind.REPAIR, byCd).parties()).containsExactly("CD");
		Responsibility unknown = resolve("VIDEOPROJECTEURS", InterventionKind.REPAIR, ResponsibilityContext.NONE);
		assertThat(unknown.parties()).containsExactlyInAnyOrder("CD", "EPLE");
		assertThat(unknown.toArbitrate()).isTrue();
		assertThat(unknown.explanation()).contains("plusieurs parties");
	}

	@Test
	void sharedPrinterIsTheDepartmentsToAdminister() {
		ResponsibilityContext shared = new ResponsibilityContext(null, null, true);
		assertThat(resolve("IMPRESSION_ADMINISTRATIVE", InterventionKind.ADMINISTRATION, shared).parties()).containsExactly("CD");
		assertThat(resolve("IMPRESSION_ADMINISTRATIVE", InterventionKind.ADMINISTRATION, ResponsibilityContext.NONE).parties())
			.containsExactlyInAnyOrder("ACA", "EPLE");
	}

	@Test
	void horusSupplyFollowsTheReference() {
		Responsibility r = resolve("SERVEUR_HORUS", InterventionKind.SUPPLY, ResponsibilityContext.NONE);
		assertThat(r.parties()).containsExactly("CD");
		assertThat(r.explanation()).contains("par renvoi à « Réseau administratif »");
	}

	@Test
	void blankCellSaysNobodyIsNamed() {
		Responsibility r = resolve("BORNES_WIFI", InterventionKind.ADMINISTRATION, ResponsibilityContext.NONE);
		assertThat(r.parties()).isEmpty();
		assertThat(r.explanation()).contains("ne désigne aucune partie");
		assertThat(r.pointsToClarify()).extracting(PointToClarify::component).containsOnly("BORNES_WIFI");
	}

	@Test
	void aColumnTheTableDoesNotHaveIsRefused() {
		assertThatThrownBy(() -> resolve("TOUTATICE_PORTAIL", InterventionKind.REPAIR, ResponsibilityContext.NONE))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("n'a pas de colonne « Dépannage »");
	}

	@Test
	void logsKeepWhatTheTableSaysAndFlagTheContradiction() {
		Responsibility r = resolve("JOURNALISATION", InterventionKind.ADMINISTRATION, ResponsibilityContext.NONE);
		assertThat(r.parties()).containsExactly("ACA");
		assertThat(r.pointsToClarify()).isNotEmpty();
	}
}
