package org.entente.helpdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.entente.convention.InterventionKind;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.helpdesk.TicketKind;
import org.entente.helpdesk.TicketOpened;
import org.entente.inventory.SoftwareRequested;
import org.entente.worktime.Criticality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The desk's event flows, with the desk and the modules it depends on only (no web module): a software request
 * from the inventory becomes a ticket; opening a ticket publishes {@link TicketOpened} with what its consumers
 * (reporting, security) need.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class TicketEventsTests {

	static final String COLLEGE = "0359901X";

	@Autowired
	TicketOpening opening;

	@Autowired
	TicketRepository tickets;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	EntenteUser user(String username) {
		return new EntenteUser(accounts.find(username).orElseThrow(), "x", true);
	}

	@Test
	void aSoftwareRequestBecomesADeskRequestOfPriorityClassTwo(Scenario scenario) {
		String software = "GeoGebra " + UUID.randomUUID().toString().substring(0, 8);
		scenario.publish(new SoftwareRequested(COLLEGE, "PEDAGOGICAL", software, "6", "college"))
			.andWaitForStateChange(() -> jdbc.sql("select id from ticket where title like ?").param("%" + software + "%")
				.query(Long.class).optional(), Optional::isPresent)
			.andVerify(id -> {
				Ticket t = tickets.find(id.orElseThrow()).orElseThrow();
				assertThat(t.title()).isEqualTo("Ajout au catalogue pédagogique : " + software + " 6");
				assertThat(t.establishment()).isEqualTo(COLLEGE);
				assertThat(t.requester()).isEqualTo("college");
				assertThat(t.component()).isEqualTo(SoftwareRequestTickets.COMPONENT);
				assertThat(t.intervention()).isEqualTo(InterventionKind.DEFINITION);
				assertThat(t.kind()).isEqualTo(TicketKind.REQUEST);
				assertThat(t.priorityClass()).isEqualTo(SoftwareRequestTickets.NEW_APPLICATION);
				assertThat(t.parties()).isNotEmpty();
			});
	}

	@Test
	void openingPublishesTicketOpenedWithWhatConsumersNeed(Scenario scenario) {
		scenario.stimulate(() -> opening.open(user("niveau1"), new TicketOpening.NewTicket(COLLEGE,
				"Internet coupé " + UUID.randomUUID().toString().substring(0, 8), "Plus rien ne sort du collège.",
				"ADDUCTION_INTERNET", InterventionKind.REPAIR, null, null, null, null, false, null, null)))
			.andWaitForEventOfType(TicketOpened.class)
			.toArriveAndVerify((event, opened) -> {
				Ticket t = opened.ticket();
				assertThat(event.ticket().ticketId()).isEqualTo(t.id());
				assertThat(event.ticket().number()).isEqualTo(t.number()).matches("E-\\d{4}-\\d{6}");
				assertThat(event.ticket().uai()).isEqualTo(COLLEGE);
				assertThat(event.ticket().parties()).isEqualTo(List.of("CD"));
				assertThat(event.ticket().level()).isEqualTo(1);
				assertThat(event.ticket().criticality()).isEqualTo(Criticality.CRITICAL);
				assertThat(event.ticket().component()).isEqualTo("ADDUCTION_INTERNET");
				assertThat(event.ticket().conventionVersion()).isNotBlank().isEqualTo(t.conventionVersion());
				assertThat(event.kind()).isEqualTo(TicketKind.INCIDENT);
				assertThat(event.toArbitrate()).isFalse();
				assertThat(event.requester()).isEqualTo("niveau1");
				assertThat(event.openedAt()).isEqualTo(t.openedAt());
			});
	}
}
