package org.entente.convention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.entente.convention.ConventionFixtures.lineOf;
import static org.entente.convention.ConventionFixtures.parse;
import static org.entente.convention.ConventionFixtures.seedText;

import java.time.Period;

import org.entente.convention.ConventionFileException.Fault;
import org.junit.jupiter.api.Test;

/** The {@code retention:} section: one rule per category, positive periods, known starting points, clauses. */
class RetentionSectionTests {

	@Test
	void theSeedFileHasTheAnnexPeriods() {
		Convention c = ConventionFixtures.seed();
		RetentionRule identities = c.retention().stream().filter(r -> r.category().equals("IDENTITIES")).findFirst().orElseThrow();
		assertThat(identities.period()).isEqualTo(Period.ofMonths(4));
		assertThat(identities.after()).isEqualTo("DEPARTURE");
		assertThat(identities.clause()).contains("8. Conservation des données");
		RetentionRule logs = c.retention().stream().filter(r -> r.category().equals("CONNECTION_LOGS")).findFirst().orElseThrow();
		assertThat(logs.period()).isEqualTo(Period.ofYears(1));
		assertThat(logs.after()).isEqualTo("RECEIPT");
		assertThat(logs.clause()).contains("2021-1362");
	}

	@Test
	void aWrongRuleIsReportedWithItsLine() {
		String text = seedText().replaceFirst("category: ACCOUNTS, (.*?)period: P4M, after: DEPARTURE", "category: IDENTITIES, $1period: P0D, after: LEAVING");
		ConventionFileException e = catchThrowableOfType(ConventionFileException.class, () -> parse("avenant.yaml", text));
		assertThat(e).isNotNull();
		assertThat(e.faults()).extracting(Fault::message).anyMatch(m -> m.contains("catégorie « IDENTITIES » répétée"))
			.anyMatch(m -> m.contains("durée positive")).anyMatch(m -> m.contains("DEPARTURE, CLOSURE, RECEIPT"));
		assertThat(e.faults()).extracting(Fault::line).contains(lineOf(text, "after: LEAVING"));
	}
}
