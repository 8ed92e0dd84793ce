package org.entente.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.List;

import org.entente.convention.RetentionRule;
import org.junit.jupiter.api.Test;

/** The convention file's row for connection logs wins; the property only fills in when the file has none. */
class JournalRetentionTest {

	@Test
	void theConventionRowWinsAndThePropertyFillsIn() {
		RetentionRule logs = new RetentionRule("CONNECTION_LOGS", "Journaux de connexion", Period.ofMonths(6), "RECEIPT", "Annexe, 8");
		RetentionRule other = new RetentionRule("TICKETS", "Tickets", Period.ofYears(3), "CLOSURE", "Annexe, 8");
		JournalRetention.Rule r = JournalRetention.of(List.of(other, logs), Period.ofYears(1));
		assertThat(r.period()).isEqualTo(Period.ofMonths(6));
		assertThat(r.clause()).isEqualTo("Annexe, 8");
		assertThat(r.fromConvention()).isTrue();
		JournalRetention.Rule none = JournalRetention.of(List.of(other), Period.ofMonths(9));
		assertThat(none.period()).isEqualTo(Period.ofMonths(9));
		assertThat(none.fromConvention()).isFalse();
		assertThat(JournalRetention.of(List.of(), Period.ofYears(1)).period()).isEqualTo(Period.ofYears(1));
	}
}
