package org.entente.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.entente.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notification module alone (no other module's beans): what its listeners do with the events other modules
 * publish, once the publishing transaction has committed.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class NotificationListenerTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.isolate(registry, "notification_module_test");
	}

	@Autowired
	InAppNotifications notices;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRequestedNoticeIsPostedForEachRecipient(Scenario scenario) {
		String first = "scenario-" + UUID.randomUUID().toString().substring(0, 8);
		String second = first + "-b";
		scenario.publish(InAppNotificationRequested.of(List.of(first, second), "Réunion convoquée", "/gouvernance"))
			.andWaitForStateChange(() -> notices.unreadCount(first) + notices.unreadCount(second), n -> n == 2)
			.andVerify(n -> assertThat(notices.latest(first, 5)).extracting(InAppNotifications.Notice::title)
				.containsExactly("Réunion convoquée"));
	}

	@Test
	void aRequestedMailIsClaimedInTheDeliveryTableAndLoggedWhenMailIsOff(Scenario scenario) {
		MailRequested mail = new MailRequested(UUID.randomUUID(), List.of("rsn@college.invalid"), "Ticket 42 : pris en charge",
				"Votre demande est prise en charge.", null, List.of(), "helpdesk");
		scenario.publish(mail)
			.andWaitForStateChange(() -> jdbc.sql("select transport from mail_delivery where id = ?").param(mail.id())
				.query(String.class).optional().orElse(null))
			.andVerify(transport -> {
				assertThat(transport).isEqualTo("LOG");
				assertThat(deliveries(mail.id())).isEqualTo(1);
			});
	}

	private int deliveries(UUID id) {
		return jdbc.sql("select count(*) from mail_delivery where id = ?").param(id).query(Integer.class).single();
	}
}
