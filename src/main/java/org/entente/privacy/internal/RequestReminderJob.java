package org.entente.privacy.internal;

import java.time.LocalDate;
import java.util.List;

import org.entente.privacy.SubjectRequestReminder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Each morning, the reminders before the requests' deadlines, once across all instances (ShedLock). */
@Component
class RequestReminderJob {

	private static final Logger log = LoggerFactory.getLogger(RequestReminderJob.class);

	private final RequestReminders reminders;
	private final RetentionPolicy retention;

	RequestReminderJob(RequestReminders reminders, RetentionPolicy retention) {
		this.reminders = reminders;
		this.retention = retention;
	}

	@Scheduled(cron = "${entente.privacy.reminder-cron:0 0 8 * * *}", zone = "Europe/Paris")
	@SchedulerLock(name = "privacy-request-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	public void remindDaily() {
		remind(retention.today());
	}

	List<SubjectRequestReminder> remind(LocalDate today) {
		List<SubjectRequestReminder> sent = reminders.remind(today);
		if (!sent.isEmpty()) {
			log.info("Rappels des demandes des personnes : {}", sent.stream().map(SubjectRequestReminder::requestId).toList());
		}
		return sent;
	}
}
