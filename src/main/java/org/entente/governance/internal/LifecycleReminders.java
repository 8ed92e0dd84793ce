package org.entente.governance.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.entente.convention.Convention;
import org.entente.governance.Reminder;
import org.entente.notification.MailRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails the article 7 reminders (the renewal window's opening, then fixed points before the end) to the committees'
 * named members, once each: the table gov_reminder_sent remembers what was handled, and ShedLock keeps two
 * instances from running the job at once. When several reminders are due on one run (the application was down, or
 * first started late), only the latest is mailed and the older ones are recorded as superseded.
 */
@Component
class LifecycleReminders {

	private static final Logger log = LoggerFactory.getLogger(LifecycleReminders.class);

	private final ConventionLifecycle lifecycle;
	private final GovernanceStore store;
	private final ApplicationEventPublisher events;

	LifecycleReminders(ConventionLifecycle lifecycle, GovernanceStore store, ApplicationEventPublisher events) {
		this.lifecycle = lifecycle;
		this.store = store;
		this.events = events;
	}

	@Scheduled(cron = "${entente.governance.reminders-cron:0 0 7 * * *}", zone = "Europe/Paris")
	@SchedulerLock(name = "governance-lifecycle-reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5M")
	@Transactional
	public void sendDueReminders() {
		Convention c = lifecycle.convention();
		LocalDate today = lifecycle.today();
		if (today.isAfter(lifecycle.status(today).endsOn())) {
			return;
		}
		List<Reminder> due = LifecycleCalculator.reminders(c.lifecycle(), LifecycleCalculator.DEFAULT_REMINDERS)
			.stream()
			.filter(r -> !r.on().isAfter(today))
			.filter(r -> !store.reminderHandled(c.id(), r.on(), r.kind().name()))
			.sorted(Comparator.comparing(Reminder::on))
			.toList();
		if (due.isEmpty()) {
			return;
		}
		List<String> to = store.allMembers().stream().map(m -> m.email().toLowerCase(java.util.Locale.ROOT)).distinct().toList();
		if (to.isEmpty()) {
			log.warn("Rappel de fin de convention du {} non envoyé : aucun membre nommé dans les comités", due.get(due.size() - 1).on());
			return;
		}
		for (Reminder older : due.subList(0, due.size() - 1)) {
			store.reminderHandled(c.id(), older.on(), older.kind().name(), "SUPERSEDED", 0);
		}
		Reminder latest = due.get(due.size() - 1);
		String text = latest.label() + "\n\n" + c.title() + " (version " + c.version() + "), " + c.lifecycle().clause()
				+ " : renouvellement par reconduction expresse, négocié dans les " + c.lifecycle().renewal().windowMonthsBeforeEnd()
				+ " mois qui précèdent la fin ; dénonciation par lettre recommandée avec un préavis de "
				+ c.lifecycle().termination().noticeMonths() + " mois.\n\nVous recevez ce message comme membre nommé d'un comité de la convention.\n";
		events.publishEvent(MailRequested.text(to, "Convention Département–Académie : " + latest.label(), text, "GOVERNANCE_REMINDER"));
		store.reminderHandled(c.id(), latest.on(), latest.kind().name(), "SENT", to.size());
		log.info("Rappel de fin de convention du {} envoyé à {} membre(s)", latest.on(), to.size());
	}
}
