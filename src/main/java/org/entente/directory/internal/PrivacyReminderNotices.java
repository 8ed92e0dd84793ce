package org.entente.directory.internal;

import java.util.List;

import org.entente.directory.Account;
import org.entente.directory.Accounts;
import org.entente.directory.Role;
import org.entente.notification.InAppNotificationRequested;
import org.entente.notification.MailRequested;
import org.entente.privacy.SubjectRequestReminder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns a reminder of {@code privacy} into a notice for every enabled DPO account and a mail to the officer who
 * received the request. It lives here because the DPO accounts are the directory's: {@code privacy} cannot depend on
 * {@code directory} nor on {@code notification}, which both depend on it. Both are published in this listener's
 * transaction; their ids derive from the reminder's, so a redelivered reminder notifies nobody twice.
 */
@Component
class PrivacyReminderNotices {

	private final Accounts accounts;
	private final ApplicationEventPublisher events;

	PrivacyReminderNotices(Accounts accounts, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(SubjectRequestReminder reminder) {
		List<String> dpos = accounts.enabledAmong(List.of(), List.of(Role.DPO), null).stream()
			.filter(a -> a.role() == Role.DPO).map(Account::username).toList();
		if (!dpos.isEmpty()) {
			events.publishEvent(new InAppNotificationRequested(reminder.id(), dpos, reminder.title(), reminder.link())
				.withWords(reminder.titleWords()));
		}
		events.publishEvent(new MailRequested(reminder.id(), List.of(reminder.officerEmail()), reminder.title(),
				reminder.text(), null, List.of(), "PRIVACY"));
	}
}
