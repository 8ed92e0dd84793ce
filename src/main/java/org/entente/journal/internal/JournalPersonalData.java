package org.entente.journal.internal;

import java.util.List;

import org.entente.privacy.AnonymisedColumns;
import org.entente.privacy.DataSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person in the journal's custody log and export jobs: who searched, exported, verified or purged the journal becomes
 * {@link DataSubject#ANONYMOUS} (the entry stays, as the proof that the logs were read and why), and the person's
 * name, UID and addresses are cut out of the criteria and purposes of what others searched. The journal's lines
 * themselves are not destroyed per person: they are immutable, chained, and each is destroyed when its retention
 * period ends ({@code CONNECTION_LOGS}, {@link JournalRetention}); the purge says so (docs/privacy.md).
 */
@Component
class JournalPersonalData extends AnonymisedColumns {

	JournalPersonalData(JdbcClient jdbc) {
		super(jdbc, "JOURNAL_CUSTODY", List.of("journal_access.username", "journal_export.username"));
	}

	@Override
	public long destroy(DataSubject s) {
		long n = count(s);
		for (String trace : s.traces()) {
			jdbc.sql("update journal_access set criteria = replace(criteria, :t, :a), purpose = replace(purpose, :t, :a) "
					+ "where criteria like :p or purpose like :p")
				.param("t", trace).param("a", DataSubject.ANONYMOUS).param("p", "%" + trace + "%").update();
		}
		for (String trace : s.traces()) {
			// An export asked about the person names them as its searched user.
			jdbc.sql("update journal_export set searched_user = :a where lower(searched_user) = lower(:t)")
				.param("t", trace).param("a", DataSubject.ANONYMOUS).update();
		}
		super.destroy(s);
		return n;
	}
}
