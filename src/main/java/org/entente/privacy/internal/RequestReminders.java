package org.entente.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.entente.convention.DataProtection;
import org.entente.privacy.SubjectRequestReminder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders before a request's deadline (its due date, extended or not): at {@link #THRESHOLDS} days before, once
 * per threshold and due date (table privacy_request_reminder). A day the job did not run is caught up: the nearest
 * threshold passed is sent, the farther ones are recorded as passed.
 */
@Service
class RequestReminders {

	/** Days before the due date, farthest first. */
	static final List<Integer> THRESHOLDS = List.of(7, 2);

	private final JdbcClient jdbc;
	private final RetentionPolicy retention;
	private final ApplicationEventPublisher events;

	RequestReminders(JdbcClient jdbc, RetentionPolicy retention, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.retention = retention;
		this.events = events;
	}

	/** Sends the reminders due on {@code today}; returns them. */
	@Transactional
	List<SubjectRequestReminder> remind(LocalDate today) {
		List<SubjectRequestReminder> sent = new ArrayList<>();
		List<SubjectRequests.Request> open = jdbc.sql("select * from privacy_request where answered_on is null and due_by >= ? and due_by <= ? order by due_by, id")
			.params(today, today.plusDays(THRESHOLDS.get(0)))
			.query(SubjectRequests.ROW).list();
		for (SubjectRequests.Request r : open) {
			Integer nearest = null;
			for (int days : THRESHOLDS) {
				if (today.isBefore(r.dueBy().minusDays(days))) {
					continue;
				}
				int claimed = jdbc.sql("""
						insert into privacy_request_reminder (request_id, days_before, due_by, sent_at) values (?, ?, ?, ?)
						on conflict do nothing""")
					.params(r.id(), days, r.dueBy(), Timestamp.from(Instant.now())).update();
				if (claimed > 0) {
					nearest = days;
				}
			}
			if (nearest != null) {
				SubjectRequestReminder reminder = new SubjectRequestReminder(UUID.randomUUID(), r.id(), r.kind(), r.receivedBy(),
						r.dueBy(), (int) java.time.temporal.ChronoUnit.DAYS.between(today, r.dueBy()), officer(r.receivedBy()),
						"/donnees-personnelles/demandes#demande-" + r.id());
				events.publishEvent(reminder);
				sent.add(reminder);
			}
		}
		return sent;
	}

	/** The address of the officer who received the request, from the convention (ACA: the DPD, CD: the DPO). */
	String officer(String receivedBy) {
		DataProtection dp = retention.convention().dataProtection();
		return (dp == null ? List.<org.entente.convention.SecurityIncidentRules.Contact>of() : dp.officers()).stream()
			.filter(o -> receivedBy.equals(o.party())).map(o -> o.email()).findFirst()
			.orElse("ACA".equals(receivedBy) ? "dpd@ac-rennes.fr" : "dpo@ille-et-vilaine.fr");
	}
}
