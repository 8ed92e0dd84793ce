package org.entente.convention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.entente.convention.ConventionFixtures.lineOf;
import static org.entente.convention.ConventionFixtures.parse;
import static org.entente.convention.ConventionFixtures.seedText;

import java.util.List;

import org.entente.convention.ConventionFileException.Fault;
import org.junit.jupiter.api.Test;

/** The satisfaction campaigns' reminder days of the {@code reporting:} section: the default, the checks. */
class ReportingSectionTests {

	static final String DAYS = "  campaignReminderDays: [7, 2]\n";

	@Test
	void theSeedFileNamesTheRemindersAndAFileWithoutThemGetsTheDefault() {
		assertThat(seedText()).contains(DAYS);
		assertThat(ConventionFixtures.seed().reporting().campaignReminderDaysFarthestFirst()).containsExactly(7, 2);
		Convention without = parse("avenant.yaml", seedText().replace(DAYS, ""));
		assertThat(without.reporting().campaignReminderDays()).isEqualTo(Reporting.DEFAULT_CAMPAIGN_REMINDER_DAYS);
		// An amendment may change them (any order) or name none.
		assertThat(parse("avenant.yaml", seedText().replace(DAYS, "  campaignReminderDays: [1, 10, 3]\n")).reporting()
			.campaignReminderDaysFarthestFirst()).containsExactly(10, 3, 1);
		assertThat(parse("avenant.yaml", seedText().replace(DAYS, "  campaignReminderDays: []\n")).reporting()
			.campaignReminderDaysFarthestFirst()).isEmpty();
		assertThat(Reporting.none().campaignReminderDays()).isEqualTo(List.of(7, 2));
	}

	@Test
	void aWrongReminderDayIsReportedWithItsLine() {
		String text = seedText().replace(DAYS, "  campaignReminderDays:\n    - 7\n    - 0\n    - 7\n    - 90\n");
		ConventionFileException e = catchThrowableOfType(ConventionFileException.class, () -> parse("avenant.yaml", text));
		assertThat(e).isNotNull();
		assertThat(e.faults()).extracting(Fault::message)
			.anyMatch(m -> m.contains("relance « 0 »") && m.contains("de 1 à 60"))
			.anyMatch(m -> m.contains("relance « 90 »"))
			.anyMatch(m -> m.contains("relance à 7 jour(s) répétée"));
		assertThat(e.faults()).extracting(Fault::line).contains(lineOf(text, "campaignReminderDays:") + 2, lineOf(text, "campaignReminderDays:") + 4);
	}
}
