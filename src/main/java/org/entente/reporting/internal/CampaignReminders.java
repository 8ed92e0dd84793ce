package org.entente.reporting.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.convention.Conventions;
import org.entente.directory.Account;
import org.entente.directory.Accounts;
import org.entente.common.StoredText;
import org.entente.notification.InAppNotificationRequested;
import org.entente.notification.MailRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Each morning, reminds the invitees of an open satisfaction campaign who have not answered yet, at
 * the days before it closes that the convention file names ({@code reporting.campaignReminderDays}, 7 and 2 when it
 * names none): by mail (the notification outbox) and in the application, once per invitee and step (table
 * reporting_campaign_reminder, claimed before anything is sent, marked delivered once sent), one instance at a time (ShedLock).
 * A step only counts when it falls after the day the invitations went out and within the campaign's period, so
 * that nobody is reminded on the day they were invited. A day the job did not run is caught up as the privacy
 * reminders do: the nearest step passed is sent, the farther ones are recorded as passed. Public only for the
 * module's tests, which live in the module's root package.
 */
@Service
public class CampaignReminders {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	private static final Logger log = LoggerFactory.getLogger(CampaignReminders.class);

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Campaigns campaigns;
	private final Conventions conventions;

	CampaignReminders(JdbcClient jdbc, Accounts accounts, ApplicationEventPublisher events, Clock clock, Campaigns campaigns,
			Conventions conventions) {
		this.conventions = conventions;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
		this.campaigns = campaigns;
	}

	/** The reminder days of the convention in force, farthest from the last day first (empty: no reminder). */
	public List<Integer> days() {
		return conventions.current().reporting().campaignReminderDaysFarthestFirst();
	}

	/** One reminder sent: to whom, for which campaign, how many days before it closes. */
	public record Sent(long campaignId, String account, int daysBefore) {
	}

	private record Open(long id, String title, LocalDate opensOn, LocalDate closesOn, LocalDate invitedOn) {
	}

	@Scheduled(cron = "${entente.reporting.campaign-reminders-cron:0 30 8 * * *}", zone = "Europe/Paris")
	@SchedulerLock(name = "reporting-campaign-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	@Transactional
	public void remindDaily() {
		List<Sent> sent = remind(LocalDate.now(clock.withZone(PARIS)));
		if (!sent.isEmpty()) {
			log.info("Enquêtes de satisfaction : {} rappel(s) envoyé(s)", sent.size());
		}
	}

	/** Sends the reminders due on {@code today}; returns them. */
	@Transactional
	public List<Sent> remind(LocalDate today) {
		List<Integer> steps = days();
		if (steps.isEmpty()) {
			return List.of();
		}
		List<Open> open = jdbc.sql("select id, title, opens_on, closes_on, created_at from reporting_campaign "
				+ "where opens_on <= ? and closes_on >= ? and closes_on <= ? order by id")
			.params(today, today, today.plusDays(steps.get(0)))
			.query((rs, i) -> new Open(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getTimestamp(5).toInstant().atZone(PARIS).toLocalDate()))
			.list();
		List<Sent> sent = new ArrayList<>();
		for (Open c : open) {
			List<String> waiting = jdbc.sql("select account from reporting_campaign_invitation "
					+ "where campaign_id = ? and not used and account is not null order by account")
				.param(c.id()).query(String.class).list();
			Map<String, Integer> due = new LinkedHashMap<>();
			for (String account : waiting) {
				Integer nearest = null;
				for (int days : steps) {
					LocalDate step = c.closesOn().minusDays(days);
					if (today.isBefore(step) || !step.isAfter(c.invitedOn()) || step.isBefore(c.opensOn())) {
						continue;
					}
					int claimed = jdbc.sql("""
							insert into reporting_campaign_reminder (campaign_id, account, days_before, sent_at) values (?, ?, ?, ?)
							on conflict do nothing""")
						.params(c.id(), account, days, Timestamp.from(Instant.now(clock))).update();
					if (claimed > 0) {
						nearest = days;
					}
				}
				if (nearest != null) {
					due.put(account, nearest);
				}
			}
			if (!due.isEmpty()) {
				sent.addAll(send(c, due));
			}
		}
		return sent;
	}

	private List<Sent> send(Open c, Map<String, Integer> due) {
		String link = "/enquetes/" + c.id();
		// The last day is still open for answers: « au plus tard le », in the French way of writing a date.
		String lastDay = org.entente.common.FrenchDates.day(c.closesOn());
		String subject = "Rappel : enquête de satisfaction « " + c.title() + " », à remplir au plus tard le " + lastDay;
		List<Account> reachable = accounts.enabledAmong(due.keySet(), List.of(), null).stream()
			.filter(a -> due.containsKey(a.username()))
			.toList();
		for (Account a : reachable) {
			if (a.email() != null && !a.email().isBlank()) {
				events.publishEvent(MailRequested.text(List.of(a.email()), subject, """
						Bonjour,

						Vous n'avez pas encore répondu à l'enquête de satisfaction demandée par le comité stratégique de la
						convention Département–Académie. Vous pouvez répondre jusqu'au %s inclus. Vos réponses sont anonymes ; connectez-vous
						pour répondre (le lien du premier courriel sert aussi) :

						%s
						""".formatted(lastDay, campaigns.absolute(link)), "SATISFACTION_CAMPAIGN_REMINDER"));
			}
		}
		if (!reachable.isEmpty()) {
			events.publishEvent(InAppNotificationRequested.of(reachable.stream().map(Account::username).toList(), subject, link)
				.withWords(StoredText.message("rep.notice.campaignReminder", c.title(), String.valueOf(lastDay))));
		}
		for (Account a : reachable) {
			jdbc.sql("update reporting_campaign_reminder set delivered = true where campaign_id = ? and account = ? and days_before = ?")
				.params(c.id(), a.username(), due.get(a.username())).update();
		}
		return reachable.stream().map(a -> new Sent(c.id(), a.username(), due.get(a.username()))).toList();
	}
}
