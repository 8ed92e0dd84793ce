package org.entente.reporting.internal;

import java.time.LocalDate;
import java.time.YearMonth;

import org.entente.worktime.WorkTime;
import org.entente.worktime.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * On the first working day of each month (the convention's calendar: weekends, public holidays and closures
 * excluded), the previous month's statistics are produced and mailed, once: one instance at a time (ShedLock), and
 * a month already produced with the convention version in force is neither produced nor mailed again.
 */
@Component
class MonthlyStatisticsJob {

	private static final Logger log = LoggerFactory.getLogger(MonthlyStatisticsJob.class);

	private final StatisticsProduction production;
	private final WorkTime workTime;

	MonthlyStatisticsJob(StatisticsProduction production, WorkTime workTime) {
		this.production = production;
		this.workTime = workTime;
	}

	@Scheduled(cron = "${entente.reporting.monthly-cron:0 0 7 * * *}", zone = "Europe/Paris")
	@SchedulerLock(name = "reporting-monthly-statistics", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5M")
	public void run() {
		runOn(LocalDate.now(workTime.calendar().zone()));
	}

	/** What the job does on {@code today}: true when it produced (and mailed) last month's statistics. */
	@Transactional
	boolean runOn(LocalDate today) {
		if (!firstWorkingDayOfMonth(workTime.calendar(), today)) {
			return false;
		}
		YearMonth last = YearMonth.from(today).minusMonths(1);
		StatisticsProduction.Produced p = production.produce(last, StatisticsProduction.SYSTEM, false);
		if (!p.created()) {
			return false;
		}
		boolean mailed = production.mail(p.stored());
		log.info("Statistiques de {} produites (version {}){}", last, p.stored().conventionVersion(),
				mailed ? " et envoyées" : " ; aucun destinataire dans le fichier de convention");
		return true;
	}

	static boolean firstWorkingDayOfMonth(WorkingCalendar calendar, LocalDate day) {
		if (!calendar.isWorkingDay(day)) {
			return false;
		}
		for (LocalDate d = day.withDayOfMonth(1); d.isBefore(day); d = d.plusDays(1)) {
			if (calendar.isWorkingDay(d)) {
				return false;
			}
		}
		return true;
	}
}
