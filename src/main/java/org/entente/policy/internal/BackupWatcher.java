package org.entente.policy.internal;

import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Hourly, one instance at a time (ShedLock): a backup that stopped reporting breaks the commitment too. */
@Component
class BackupWatcher {

	private final Backups backups;

	BackupWatcher(Backups backups) {
		this.backups = backups;
	}

	@Scheduled(cron = "${entente.policy.backup-watch-cron:0 15 * * * *}")
	@SchedulerLock(name = "policy-backup-watcher", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5M")
	public void watch() {
		backups.watchAll(Instant.now());
	}
}
