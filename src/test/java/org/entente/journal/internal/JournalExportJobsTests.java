package org.entente.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.entente.EntenteTest;
import org.entente.directory.Accounts;
import org.entente.directory.EntenteUser;
import org.entente.journal.JournalProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Export jobs outlive a restart: the list, the finished archives; one cut short by the restart is marked failed. */
@EntenteTest
class JournalExportJobsTests {

	@Autowired
	JournalExportJobs jobs;

	@Autowired
	JournalService service;

	@Autowired
	JournalCustody custody;

	@Autowired
	JournalProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	private EntenteUser user(String username) {
		return new EntenteUser(accounts.find(username).orElseThrow(), "unused", true);
	}

	private void insertRow(String id, String owner, String state, Instant createdAt) {
		jdbc.sql("""
				insert into journal_export (id, username, kind, from_at, to_at, purpose, created_at, state)
				values (?, ?, 'OTHER', ?, ?, 'test', ?, ?)""")
			.params(id, owner, Timestamp.from(createdAt.minusSeconds(3600)), Timestamp.from(createdAt),
					Timestamp.from(createdAt), state)
			.update();
	}

	@Test
	void finishedExportsAreStillListedAndDownloadableAfterARestart() throws Exception {
		EntenteUser me = user("journal");
		// the database keeps microseconds
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		JournalExportJobs.Job job = jobs.start(me, JournalExportJobs.Kind.ACADEMY,
				new JournalSearch.Criteria(now.minusSeconds(60), now, "0359999Z", null, null, null, null), "envoi à l'Académie",
				null);
		await().atMost(Duration.ofSeconds(10)).until(job::finished);
		assertThat(job.state()).isEqualTo(JournalExportJobs.State.DONE);
		String cutShort = UUID.randomUUID().toString();
		insertRow(cutShort, "journal", "RUNNING", now);
		Path part = properties.directory().resolve("exports").resolve(cutShort + ".zip.part");
		Files.createDirectories(part.getParent());
		Files.writeString(part, "partial");

		JournalExportJobs restarted = new JournalExportJobs(service, custody, properties, jdbc);
		try {
			restarted.restore();
			JournalExportJobs.Job again = restarted.get(me, job.id());
			assertThat(again.state()).isEqualTo(JournalExportJobs.State.DONE);
			assertThat(again.criteria()).isEqualTo(job.criteria());
			assertThat(again.purpose()).isEqualTo("envoi à l'Académie");
			assertThat(again.kind()).isEqualTo(JournalExportJobs.Kind.ACADEMY);
			assertThat(again.summary()).isEqualTo(job.summary());
			assertThat(again.bytes()).isEqualTo(job.bytes()).isPositive();
			assertThat(restarted.mine(me)).extracting(JournalExportJobs.Job::id).contains(job.id(), cutShort);
			assertThat(restarted.download(me, job.id())).hasValueSatisfying(p -> assertThat(p).exists());

			JournalExportJobs.Job interrupted = restarted.get(me, cutShort);
			assertThat(interrupted.state()).isEqualTo(JournalExportJobs.State.FAILED);
			assertThat(interrupted.failure()).isEqualTo(JournalExportJobs.INTERRUPTED);
			assertThat(part).doesNotExist();
			assertThat(jdbc.sql("select state from journal_export where id = ?").param(cutShort).query(String.class).single())
				.isEqualTo("FAILED");
			assertThat(restarted.mine(user("admin"))).extracting(JournalExportJobs.Job::id).doesNotContain(job.id());
		}
		finally {
			restarted.destroy();
		}
	}

	@Test
	void theDailyCleanUpRemovesOldRowsWithTheirArchives() {
		String old = UUID.randomUUID().toString();
		insertRow(old, "journal", "DONE", Instant.now().minus(Duration.ofDays(2)));
		jobs.cleanUp();
		assertThat(jdbc.sql("select count(*) from journal_export where id = ?").param(old).query(Long.class).single())
			.isZero();
	}
}
