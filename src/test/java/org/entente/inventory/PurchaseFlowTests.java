package org.entente.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.entente.TestDatabases;
import org.entente.convention.Conventions;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.inventory.internal.Purchases;
import org.entente.inventory.internal.Referentiel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The own-funds purchase flow with the inventory and the modules it depends on only (convention, directory,
 * notification; no desk, no web): a collège's request routed by network, the deciding party's decision published as
 * {@link PurchaseDecided} with what a consumer needs.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class PurchaseFlowTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.isolate(registry, "inventory_module_test");
	}

	@Autowired
	Purchases purchases;

	@Autowired
	Referentiel referentiel;

	@Autowired
	Accounts accounts;

	@Autowired
	Conventions conventions;

	EntenteUser user(String username) {
		return new EntenteUser(accounts.find(username).orElseThrow(), "unused", true);
	}

	@Test
	void aDecisionIsPublishedWithTheCollegeThePartyAndTheConventionVersion(Scenario scenario) {
		referentiel.publish(List.of(new Referentiel.Line("VIDEOPROJECTEURS", "Vidéoprojecteur", 10, 0, 30, 7)),
				"Référentiel du test de flux", "agent.cd");
		var request = purchases.submit(new Purchases.NewRequest("VIDEOPROJECTEURS", InventoryNetwork.PEDAGOGICAL, 2, null,
				"Salle de musique"), user("college"));
		assertThat(request.routedTo()).isEqualTo("CD");

		scenario.stimulate(() -> purchases.decide(request.id(), true, "Conforme au référentiel.", user("agent.cd")))
			.andWaitForEventOfType(PurchaseDecided.class)
			.matching(e -> e.requestId() == request.id())
			.toArriveAndVerify(e -> {
				assertThat(e.uai()).isEqualTo("0359901X");
				assertThat(e.component()).isEqualTo("VIDEOPROJECTEURS");
				assertThat(e.quantity()).isEqualTo(2);
				assertThat(e.decidingParty()).isEqualTo("CD");
				assertThat(e.decidedBy()).isEqualTo("agent.cd");
				assertThat(e.approved()).isTrue();
				assertThat(e.conventionVersion()).isEqualTo(conventions.current().version());
				assertThat(e.decidedAt()).isNotNull();
			});
	}
}
